package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import java.util.Set;

/**
 * What a delete request asks for (Kubernetes {@code DeleteOptions}).
 *
 * @param propagationPolicy {@code Orphan}, {@code Background} or {@code Foreground}, or null
 * @param resourceVersion delete only if the object still has this resourceVersion, or null
 * @param uid delete only if the object still has this uid, or null
 */
public record DeleteOptions(String propagationPolicy, String resourceVersion, String uid) {
  public static final DeleteOptions NONE = new DeleteOptions(null, null, null);
  private static final Set<String> POLICIES = Set.of("Orphan", "Background", "Foreground");

  public DeleteOptions {
    if (propagationPolicy != null && !POLICIES.contains(propagationPolicy)) {
      throw ApiException.badRequest(
          "propagationPolicy: \""
              + propagationPolicy
              + "\" is not one of Orphan, Background, Foreground");
    }
  }

  /**
   * Reads a {@code DeleteOptions} body (may be null) with {@code propagationPolicy} from the query
   * as a fallback.
   */
  public static DeleteOptions from(ObjectNode body, String queryPolicy) {
    if (body == null) {
      return new DeleteOptions(emptyToNull(queryPolicy), null, null);
    }
    String kind = body.path("kind").asText("");
    if (!kind.isEmpty() && !kind.equals("DeleteOptions")) {
      throw ApiException.badRequest(
          "a DELETE body must be a DeleteOptions object, got kind \"" + kind + "\"");
    }
    JsonNode dryRun = body.get("dryRun");
    if (dryRun != null && dryRun.isArray() && !dryRun.isEmpty()) {
      throw ApiException.badRequest("dryRun: server-side dry run is not supported");
    }
    String policy = text(body, "propagationPolicy");
    if (policy == null && body.path("orphanDependents").asBoolean(false)) {
      policy = "Orphan";
    }
    JsonNode pre = body.path("preconditions");
    return new DeleteOptions(
        policy != null ? policy : emptyToNull(queryPolicy),
        text(pre, "resourceVersion"),
        text(pre, "uid"));
  }

  private static String text(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
