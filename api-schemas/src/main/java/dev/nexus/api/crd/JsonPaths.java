package dev.nexus.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset CRDs use for printer columns and scale paths: dotted field names from the
 * root with optional array indexes, such as {@code .spec.size}, {@code .status.conditions[0].type}
 * or {@code {.spec.size}}. Anything fancier (filters, wildcards) reads as missing rather than
 * failing, so one odd column never breaks a listing.
 */
public final class JsonPaths {
  private JsonPaths() {}

  /** The node at {@code path}, or a missing node. */
  public static JsonNode read(JsonNode root, String path) {
    List<Object> steps = parse(path);
    if (steps == null) {
      return MissingNode.getInstance();
    }
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node;
  }

  /**
   * Sets an integer at a path of field names only ({@code .spec.replicas}), creating objects on the
   * way; false when the path has another shape or runs through a non-object.
   */
  public static boolean setInt(ObjectNode root, String path, int value) {
    List<Object> steps = parse(path);
    if (steps == null || steps.isEmpty() || steps.stream().anyMatch(s -> s instanceof Integer)) {
      return false;
    }
    ObjectNode node = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      JsonNode next = node.get((String) steps.get(i));
      if (next == null || next.isNull()) {
        next = node.putObject((String) steps.get(i));
      }
      if (!(next instanceof ObjectNode o)) {
        return false;
      }
      node = o;
    }
    node.put((String) steps.getLast(), value);
    return true;
  }

  /** Field names (String) and indexes (Integer), or null when the path is not of our subset. */
  static List<Object> parse(String path) {
    if (path == null) {
      return null;
    }
    String p = path.strip();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1);
    }
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    if (!p.startsWith(".")) {
      return null;
    }
    List<Object> steps = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        String name = p.substring(i + 1, end);
        if (name.isEmpty() || name.contains("*") || name.contains("@")) {
          return null;
        }
        steps.add(name);
        i = end;
      } else if (c == '[') {
        int end = p.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        try {
          steps.add(Integer.parseInt(p.substring(i + 1, end)));
        } catch (NumberFormatException e) {
          return null;
        }
        i = end + 1;
      } else {
        return null;
      }
    }
    return steps;
  }
}
