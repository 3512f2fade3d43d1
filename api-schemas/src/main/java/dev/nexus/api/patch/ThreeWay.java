package dev.nexus.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The three-way merge behind declarative apply (as {@code kubectl apply} does for JSON merge
 * patch): given what the user applied last time, what they apply now and what the server holds,
 * compute the merge patch that makes the server match the manifest without clobbering fields owned
 * by someone else.
 *
 * <ul>
 *   <li>a field in {@code desired} whose value differs from {@code live} is set;
 *   <li>a field in {@code lastApplied} but no longer in {@code desired} is deleted ({@code null}),
 *       if {@code live} still has it: the user removed it from the manifest;
 *   <li>a field in neither {@code lastApplied} nor {@code desired} (status, server defaults, {@code
 *       spec.replicas} written by an Autoscaler) is left alone;
 *   <li>arrays are replaced whole, as merge patch has no way to address their elements.
 * </ul>
 *
 * <p>Worked example: lastApplied {@code {spec: {replicas: 3, image: a, debug: true}}}, desired
 * {@code {spec: {image: b}}}, live {@code {spec: {replicas: 5, image: a, debug: true, paused:
 * false}, status: {...}}} gives {@code {spec: {replicas: null, image: b, debug: null}}}: replicas
 * and debug were dropped from the manifest, paused and status were never the user's.
 */
public final class ThreeWay {
  private ThreeWay() {}

  /**
   * @param lastApplied the manifest applied last time (from the last-applied annotation), or null
   *     on the first apply, when nothing is deleted
   * @param desired the manifest applied now
   * @param live the object as the server holds it, or null when it does not exist
   * @return a merge patch for {@link MergePatch#apply}; {@code {}} when nothing would change
   */
  public static JsonNode patch(JsonNode lastApplied, JsonNode desired, JsonNode live) {
    if (desired == null || !desired.isObject()) {
      return desired == null ? JsonNodeFactory.instance.objectNode() : desired.deepCopy();
    }
    return merge(
        lastApplied != null && lastApplied.isObject() ? lastApplied : null,
        (ObjectNode) desired,
        live != null && live.isObject() ? live : null);
  }

  private static ObjectNode merge(JsonNode last, ObjectNode desired, JsonNode live) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    if (last != null) {
      for (Map.Entry<String, JsonNode> e : last.properties()) {
        String key = e.getKey();
        if ((!desired.has(key) || desired.get(key).isNull()) && live != null && live.has(key)) {
          patch.putNull(key);
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : desired.properties()) {
      String key = e.getKey();
      JsonNode want = e.getValue();
      JsonNode have = live == null ? null : live.get(key);
      if (want.isNull()) {
        // An explicit null in a manifest asks for deletion, whether or not it was applied before.
        if (have != null) {
          patch.putNull(key);
        }
        continue;
      }
      if (want.isObject() && have != null && have.isObject()) {
        JsonNode lastChild = last == null ? null : last.get(key);
        ObjectNode child =
            merge(
                lastChild != null && lastChild.isObject() ? lastChild : null,
                (ObjectNode) want,
                have);
        if (!child.isEmpty()) {
          patch.set(key, child);
        }
      } else if (have == null || !have.equals(want)) {
        patch.set(key, want.deepCopy());
      }
    }
    return patch;
  }
}
