package dev.nexus.api.kinds;

import java.util.List;

/**
 * How one kind is served: its names (for URLs, discovery and {@code nexusctl}), its scope, its
 * subresources, and the JSON Schema that validates it.
 *
 * @param group API group, {@code nexus.dev} for built-in kinds
 * @param version API version within the group, {@code v1}
 * @param kind the CamelCase kind, e.g. {@code Workload}
 * @param plural the lower-case plural used in URLs, e.g. {@code workloads}
 * @param singular the lower-case singular, e.g. {@code workload}
 * @param shortNames extra names {@code nexusctl} and kubectl accept, e.g. {@code wl}
 * @param namespaced whether objects live in a namespace
 * @param statusSubresource whether {@code status} is written only through {@code /status}
 * @param scaleSubresource whether {@code /scale} reads and writes {@code spec.replicas}
 * @param schemaResource classpath location of the kind's JSON Schema (null: no schema check)
 */
public record KindInfo(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    List<String> shortNames,
    boolean namespaced,
    boolean statusSubresource,
    boolean scaleSubresource,
    String schemaResource) {

  public KindInfo {
    shortNames = List.copyOf(shortNames);
  }

  /** {@code group/version}, the value of an object's {@code apiVersion}. */
  public String apiVersion() {
    return group + "/" + version;
  }

  /** Whether {@code name} (case-insensitive) names this kind: kind, plural, singular, short. */
  public boolean answersTo(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.equals(kind.toLowerCase(java.util.Locale.ROOT))
        || n.equals(plural)
        || n.equals(singular)
        || shortNames.contains(n)
        || n.equals(plural + "." + group)
        || n.equals(singular + "." + group);
  }
}
