package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.error.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules for {@code metadata.ownerReferences}, checked for every kind (custom kinds' schemas do
 * not cover metadata): each entry names its owner completely — {@code apiVersion}, {@code kind},
 * {@code name} and {@code uid}, non-empty strings — since the garbage collector finds owners by uid
 * and reports them by kind and name; and at most one entry is the controller, so "who manages this
 * object" has one answer.
 */
final class OwnerReferenceRules {
  private static final String FIELD = "metadata.ownerReferences";
  private static final List<String> REQUIRED = List.of("apiVersion", "kind", "name", "uid");

  private OwnerReferenceRules() {}

  static void check(JsonNode refs, List<Status.Cause> out) {
    if (refs == null || refs.isNull()) {
      return;
    }
    if (!refs.isArray()) {
      out.add(new Status.Cause(FIELD, "must be an array", Reasons.TYPE_INVALID));
      return;
    }
    List<Integer> controllers = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      String entry = FieldPath.index(FIELD, i);
      JsonNode ref = refs.get(i);
      if (!ref.isObject()) {
        out.add(new Status.Cause(entry, "must be an object", Reasons.TYPE_INVALID));
        continue;
      }
      for (String field : REQUIRED) {
        JsonNode v = ref.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
          out.add(new Status.Cause(entry + "." + field, "is required", Reasons.REQUIRED));
        } else if (!v.isTextual()) {
          out.add(new Status.Cause(entry + "." + field, "must be a string", Reasons.TYPE_INVALID));
        }
      }
      JsonNode controller = ref.get("controller");
      if (controller != null && controller.isBoolean() && controller.asBoolean()) {
        controllers.add(i);
      }
    }
    if (controllers.size() > 1) {
      out.add(
          new Status.Cause(
              FieldPath.index(FIELD, controllers.get(1)) + ".controller",
              "only one owner reference may have controller set to true, found "
                  + controllers.size()
                  + " (entries "
                  + controllers
                  + ")",
              Reasons.INVALID));
    }
  }
}
