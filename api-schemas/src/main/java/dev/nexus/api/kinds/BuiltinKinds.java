package dev.nexus.api.kinds;

import java.util.List;

/** The kinds every Nexus server serves (DESIGN §3). */
public final class BuiltinKinds {
  public static final String GROUP = "nexus.dev";
  public static final String VERSION = "v1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final KindInfo NAMESPACE = cluster("Namespace", "namespaces", List.of("ns"));
  public static final KindInfo NODE = cluster("Node", "nodes", List.of("no"));
  public static final KindInfo LEASE = namespaced("Lease", "leases", List.of(), false, false);
  public static final KindInfo WORKLOAD =
      namespaced("Workload", "workloads", List.of("wl"), true, true);
  public static final KindInfo INSTANCE =
      namespaced("Instance", "instances", List.of("inst"), true, false);
  public static final KindInfo SERVICE =
      namespaced("Service", "services", List.of("svc"), true, false);
  public static final KindInfo SERVICE_ENDPOINTS =
      namespaced("ServiceEndpoints", "serviceendpoints", List.of("ep", "sep"), false, false);
  public static final KindInfo POLICY =
      namespaced("Policy", "policies", List.of("pol"), true, false);
  public static final KindInfo AUTOSCALER =
      namespaced("Autoscaler", "autoscalers", List.of("as", "hpa"), true, false);
  public static final KindInfo CUSTOM_RESOURCE_DEFINITION =
      new KindInfo(
          GROUP,
          VERSION,
          "CustomResourceDefinition",
          "customresourcedefinitions",
          "customresourcedefinition",
          List.of("crd", "crds"),
          false,
          true,
          false,
          schema("CustomResourceDefinition"));
  public static final KindInfo EVENT = namespaced("Event", "events", List.of("ev"), false, false);

  public static final List<KindInfo> ALL =
      List.of(
          NAMESPACE,
          NODE,
          LEASE,
          WORKLOAD,
          INSTANCE,
          SERVICE,
          SERVICE_ENDPOINTS,
          POLICY,
          AUTOSCALER,
          CUSTOM_RESOURCE_DEFINITION,
          EVENT);

  private BuiltinKinds() {}

  private static KindInfo cluster(String kind, String plural, List<String> shortNames) {
    return new KindInfo(
        GROUP,
        VERSION,
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        shortNames,
        false,
        true,
        false,
        schema(kind));
  }

  private static KindInfo namespaced(
      String kind, String plural, List<String> shortNames, boolean status, boolean scale) {
    return new KindInfo(
        GROUP,
        VERSION,
        kind,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        shortNames,
        true,
        status,
        scale,
        schema(kind));
  }

  private static String schema(String kind) {
    return "/schemas/" + kind + ".json";
  }
}
