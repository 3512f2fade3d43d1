package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.apiserver.registry.ResourceRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Discovery documents in the shapes Kubernetes clients parse: {@code /api} (an empty core group),
 * {@code /apis} (APIGroupList), {@code /apis/{group}} (APIGroup) and {@code
 * /apis/{group}/{version}} (APIResourceList). Built from the {@link KindRegistry} on each request,
 * so kinds registered at run time appear at once. Clients asking for aggregated discovery get these
 * legacy documents with {@code Content-Type: application/json}, which tells them to fall back.
 */
final class Discovery {
  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUBRESOURCE_VERBS = List.of("get", "patch", "update");

  private final KindRegistry kinds;
  private final ResourceRegistry registry;

  Discovery(ResourceRegistry registry) {
    this.kinds = registry.kinds();
    this.registry = registry;
  }

  ObjectNode coreVersions() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("kind", "APIVersions");
    n.putArray("versions");
    n.putArray("serverAddressByClientCIDRs");
    return n;
  }

  ObjectNode groupList() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("kind", "APIGroupList");
    n.put("apiVersion", "v1");
    ArrayNode groups = n.putArray("groups");
    groupsToVersions().forEach((group, versions) -> groups.add(group(group, versions)));
    return n;
  }

  ObjectNode group(String name) {
    TreeSet<String> versions = groupsToVersions().get(name);
    if (versions == null) {
      // Perhaps a CRD written through another replica that this one has not followed yet.
      registry.refreshCustomKinds();
      versions = groupsToVersions().get(name);
    }
    if (versions == null) {
      throw ResourcePath.notFound("/apis/" + name);
    }
    ObjectNode n = group(name, versions);
    n.put("kind", "APIGroup");
    n.put("apiVersion", "v1");
    return n;
  }

  ObjectNode resourceList(String group, String version) {
    List<KindInfo> served = served(group, version);
    if (served.isEmpty() && !group.equals(dev.nexus.api.kinds.BuiltinKinds.GROUP)) {
      registry.refreshCustomKinds();
      served = served(group, version);
    }
    if (served.isEmpty()) {
      throw ResourcePath.notFound("/apis/" + group + "/" + version);
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode n = f.objectNode();
    n.put("kind", "APIResourceList");
    n.put("apiVersion", "v1");
    n.put("groupVersion", group + "/" + version);
    ArrayNode resources = n.putArray("resources");
    for (KindInfo k : served) {
      ObjectNode r = resources.addObject();
      r.put("name", k.plural());
      r.put("singularName", k.singular());
      r.put("namespaced", k.namespaced());
      r.put("kind", k.kind());
      VERBS.forEach(r.putArray("verbs")::add);
      if (!k.shortNames().isEmpty()) {
        k.shortNames().forEach(r.putArray("shortNames")::add);
      }
      r.putArray("categories").add("nexus");
      if (k.statusSubresource()) {
        subresource(resources, k, "status", k.group(), k.version(), k.kind());
      }
      if (k.scaleSubresource()) {
        subresource(resources, k, "scale", "autoscaling", "v1", "Scale");
      }
    }
    return n;
  }

  private List<KindInfo> served(String group, String version) {
    return kinds.all().stream()
        .filter(k -> k.group().equals(group) && k.version().equals(version))
        .sorted(Comparator.comparing(KindInfo::plural))
        .toList();
  }

  /** Resolves the kind a URL's {@code group/version/plural} names; 404 when none. */
  KindInfo kind(String group, String version, String plural) {
    return registry
        .kindFor(group, version, plural)
        .orElseThrow(() -> notServed(group, version, plural));
  }

  private ApiException notServed(String group, String version, String plural) {
    String path = "/apis/" + group + "/" + version + "/" + plural;
    String why =
        registry
            .customKinds()
            .formerKind(group, plural)
            .map(
                kind ->
                    "kind "
                        + kind
                        + " ("
                        + plural
                        + "."
                        + group
                        + ") is no longer served: its CustomResourceDefinition was deleted")
            .orElse("no resource \"" + plural + "\" is served in " + group + "/" + version);
    return new ApiException(
        new dev.nexus.api.error.Status(
            404,
            "NotFound",
            "the server could not find the requested resource (" + path + "): " + why,
            null));
  }

  private static void subresource(
      ArrayNode resources, KindInfo k, String sub, String group, String version, String kind) {
    ObjectNode r = resources.addObject();
    r.put("name", k.plural() + "/" + sub);
    r.put("singularName", "");
    r.put("namespaced", k.namespaced());
    if (!group.equals(k.group())) {
      r.put("group", group);
      r.put("version", version);
    }
    r.put("kind", kind);
    SUBRESOURCE_VERBS.forEach(r.putArray("verbs")::add);
  }

  private TreeMap<String, TreeSet<String>> groupsToVersions() {
    TreeMap<String, TreeSet<String>> out = new TreeMap<>();
    for (KindInfo k : kinds.all()) {
      out.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.version());
    }
    return out;
  }

  private static ObjectNode group(String name, TreeSet<String> versions) {
    ObjectNode g = JsonNodeFactory.instance.objectNode();
    g.put("name", name);
    ArrayNode vs = g.putArray("versions");
    for (String v : versions.descendingSet()) {
      vs.addObject().put("groupVersion", name + "/" + v).put("version", v);
    }
    // Highest version string first; with only v1 today that is the preferred one.
    String preferred = versions.last();
    g.putObject("preferredVersion")
        .put("groupVersion", name + "/" + preferred)
        .put("version", preferred);
    return g;
  }
}
