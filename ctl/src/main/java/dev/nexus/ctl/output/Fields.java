package dev.nexus.ctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads dotted paths out of an object tree for display; absent values read as a fallback. */
public final class Fields {
  public static final String NONE = "<none>";

  private Fields() {}

  /** The node at {@code path} ({@code spec.template.spec.image}), or a missing node. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      if (n == null) {
        break;
      }
      n = n.path(part);
    }
    return n;
  }

  /** The scalar at {@code path} as text, or {@code fallback} when absent or null. */
  public static String text(JsonNode root, String path, String fallback) {
    JsonNode n = at(root, path);
    if (n == null || n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** {@code k=v,k2=v2}, or {@code <none>} for an empty map. */
  public static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return NONE;
    }
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /**
   * The object at {@code path} as {@code k=v,...} ({@code matchLabels} style), or {@code <none>}.
   */
  public static String map(JsonNode root, String path) {
    JsonNode n = at(root, path);
    if (n == null || !n.isObject() || n.isEmpty()) {
      return NONE;
    }
    List<String> parts = new ArrayList<>();
    n.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(",", parts);
  }

  /** Scalars of the array at {@code path} joined by commas, or {@code <none>}. */
  public static String list(JsonNode root, String path) {
    JsonNode n = at(root, path);
    if (n == null || !n.isArray() || n.isEmpty()) {
      return NONE;
    }
    List<String> parts = new ArrayList<>();
    n.forEach(v -> parts.add(v.isValueNode() ? v.asText() : v.toString()));
    return String.join(",", parts);
  }
}
