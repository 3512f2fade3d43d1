package dev.nexus.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386): a patch is a partial document; objects merge key by key, {@code
 * null} deletes a key, anything else (scalars, arrays) replaces the target value whole.
 *
 * <p>Inputs are never modified; results share no mutable nodes with them.
 */
public final class MergePatch {
  private MergePatch() {}

  /**
   * Applies {@code patch} to {@code target} (either may be null, meaning absent).
   *
   * <p>Example: target {@code {a: 1, b: {c: 2, d: 3}}}, patch {@code {b: {c: null, e: 4}}} gives
   * {@code {a: 1, b: {d: 3, e: 4}}}.
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      return patch == null ? null : patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), apply(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /**
   * The merge patch that turns {@code from} into {@code to}: changed and added keys with their new
   * values, removed keys as {@code null}, nested objects diffed recursively, arrays and scalars
   * whole. Equal documents give the empty patch {@code {}}.
   *
   * <p>A merge patch cannot set a value to {@code null} (null means delete), so when {@code to}
   * holds nulls inside objects, {@code apply(from, diff(from, to))} drops those keys instead.
   */
  public static JsonNode diff(JsonNode from, JsonNode to) {
    if (from == null || !from.isObject() || to == null || !to.isObject()) {
      return to == null ? NullNode.getInstance() : to.deepCopy();
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      if (!to.has(e.getKey())) {
        patch.putNull(e.getKey());
      }
    }
    for (Map.Entry<String, JsonNode> e : to.properties()) {
      JsonNode old = from.get(e.getKey());
      JsonNode now = e.getValue();
      if (old == null || !old.equals(now)) {
        patch.set(
            e.getKey(),
            old != null && old.isObject() && now.isObject() ? diff(old, now) : now.deepCopy());
      }
    }
    return patch;
  }

  /** Whether a patch changes nothing: null or the empty object. */
  public static boolean isEmpty(JsonNode patch) {
    return patch == null || (patch.isObject() && patch.isEmpty());
  }
}
