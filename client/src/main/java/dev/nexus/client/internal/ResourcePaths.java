package dev.nexus.client.internal;

import dev.nexus.api.kinds.KindInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds request paths and query strings of DESIGN §4: {@code
 * /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]}.
 */
public final class ResourcePaths {
  private ResourcePaths() {}

  /**
   * The collection path of {@code kind}: in {@code namespace}, or across all namespaces when the
   * namespace is null. Cluster-scoped kinds ignore the namespace.
   */
  public static String collection(KindInfo kind, String namespace) {
    StringBuilder p =
        new StringBuilder("/apis/").append(kind.group()).append('/').append(kind.version());
    if (kind.namespaced() && namespace != null) {
      p.append("/namespaces/").append(segment(namespace));
    }
    return p.append('/').append(kind.plural()).toString();
  }

  /** The path of one object; a namespaced kind needs a namespace. */
  public static String object(KindInfo kind, String namespace, String name) {
    if (kind.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw new IllegalArgumentException(
          kind.kind() + " \"" + name + "\" is namespaced: a namespace is required");
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(kind.kind() + ": a name is required");
    }
    return collection(kind, namespace) + "/" + segment(name);
  }

  /** Percent-encodes one path segment (names are DNS labels, but the server decides that). */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?k=v&...} of the non-null entries, or the empty string. */
  public static String query(Map<String, String> params) {
    String q =
        params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return q.isEmpty() ? "" : "?" + q;
  }

  /** An insertion-ordered map for {@link #query}, tolerating null values. */
  public static Map<String, String> params(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
