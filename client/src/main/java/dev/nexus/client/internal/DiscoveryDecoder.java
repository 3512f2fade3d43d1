package dev.nexus.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads discovery documents shaped like Kubernetes': an APIGroupList from {@code /apis} and an
 * APIResourceList from {@code /apis/{group}/{version}}.
 */
public final class DiscoveryDecoder {
  private DiscoveryDecoder() {}

  /** The {@code group/version} strings an APIGroupList offers (every version of every group). */
  public static List<String> groupVersions(JsonNode apiGroupList) {
    List<String> out = new ArrayList<>();
    for (JsonNode group : apiGroupList.path("groups")) {
      for (JsonNode v : group.path("versions")) {
        String gv = v.path("groupVersion").asText("");
        if (!gv.isEmpty() && !out.contains(gv)) {
          out.add(gv);
        }
      }
    }
    return out;
  }

  /**
   * The kinds of an APIResourceList. Entries like {@code workloads/status} are subresources and set
   * the flags of their parent instead of becoming kinds. Built-in kinds keep their schema.
   */
  public static List<KindInfo> kinds(JsonNode apiResourceList) {
    String groupVersion = apiResourceList.path("groupVersion").asText(BuiltinKinds.API_VERSION);
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = slash < 0 ? groupVersion : groupVersion.substring(slash + 1);
    Set<String> subresources = new HashSet<>();
    for (JsonNode r : apiResourceList.path("resources")) {
      String name = r.path("name").asText("");
      if (name.contains("/")) {
        subresources.add(name);
      }
    }
    List<KindInfo> out = new ArrayList<>();
    for (JsonNode r : apiResourceList.path("resources")) {
      String plural = r.path("name").asText("");
      if (plural.isEmpty() || plural.contains("/")) {
        continue;
      }
      String kind = r.path("kind").asText("");
      String singular = r.path("singularName").asText("");
      if (singular.isEmpty()) {
        singular = kind.toLowerCase(Locale.ROOT);
      }
      List<String> shortNames = new ArrayList<>();
      r.path("shortNames").forEach(s -> shortNames.add(s.asText()));
      out.add(
          new KindInfo(
              group,
              version,
              kind,
              plural,
              singular,
              shortNames,
              r.path("namespaced").asBoolean(false),
              subresources.contains(plural + "/status"),
              subresources.contains(plural + "/scale"),
              schemaOf(group, version, kind)));
    }
    return out;
  }

  private static String schemaOf(String group, String version, String kind) {
    return BuiltinKinds.ALL.stream()
        .filter(k -> k.group().equals(group) && k.version().equals(version))
        .filter(k -> k.kind().equals(kind))
        .map(KindInfo::schemaResource)
        .findFirst()
        .orElse(null);
  }
}
