package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.JsonPaths;
import dev.nexus.api.crd.ScalePaths;
import dev.nexus.api.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /scale} subresource: a Kubernetes {@code autoscaling/v1 Scale} view of an object's
 * {@code spec.replicas} (desired) and {@code status.replicas} (observed), so that autoscalers and
 * {@code kubectl scale} work without knowing the kind.
 */
final class ScaleView {
  static final String API_VERSION = "autoscaling/v1";
  static final String KIND = "Scale";

  private ScaleView() {}

  /** The Scale of an object whose replicas live at {@code paths} (a CRD's scale subresource). */
  static ObjectNode of(ObjectNode object, ScalePaths paths) {
    if (paths.equals(ScalePaths.DEFAULT)) {
      return of(object);
    }
    ObjectNode scale = of(object);
    scale
        .withObject("spec")
        .put("replicas", JsonPaths.read(object, paths.specReplicasPath()).asInt(0));
    ObjectNode status = scale.withObject("status");
    status.put("replicas", JsonPaths.read(object, paths.statusReplicasPath()).asInt(0));
    status.remove("selector");
    if (paths.labelSelectorPath() != null) {
      JsonNode selector = JsonPaths.read(object, paths.labelSelectorPath());
      if (selector.isTextual() && !selector.asText().isEmpty()) {
        status.put("selector", selector.asText());
      }
    }
    return scale;
  }

  static ObjectNode of(ObjectNode object) {
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("apiVersion", API_VERSION);
    scale.put("kind", KIND);
    ObjectNode meta = scale.putObject("metadata");
    ObjectNode src = StoredObjects.metadata(object);
    for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (src.hasNonNull(f)) {
        meta.set(f, src.get(f));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    String selector = selector(object.path("spec").path("selector"));
    if (!selector.isEmpty()) {
      status.put("selector", selector);
    }
    return scale;
  }

  /** The desired replicas a Scale body asks for; a missing or bad value is a 422 on the field. */
  static int replicas(String kind, String name, ObjectNode scale) {
    JsonNode r = scale.path("spec").path("replicas");
    if (r.isMissingNode() || r.isNull()) {
      throw ApiException.invalidField(kind, name, "spec.replicas", "Required value");
    }
    if (!r.isIntegralNumber() || !r.canConvertToInt()) {
      throw ApiException.invalidField(
          kind,
          name,
          "spec.replicas",
          "must be an integer, got "
              + r.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (r.asInt() < 0) {
      throw ApiException.invalidField(
          kind, name, "spec.replicas", "must be greater than or equal to 0");
    }
    return r.asInt();
  }

  /** {@code matchLabels} as a label selector string ({@code app=web,tier=fe}). */
  private static String selector(JsonNode selector) {
    List<String> parts = new ArrayList<>();
    JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
    if (labels instanceof ObjectNode o) {
      o.properties()
          .forEach(
              e -> {
                if (e.getValue().isValueNode()) {
                  parts.add(e.getKey() + "=" + e.getValue().asText());
                }
              });
    }
    return String.join(",", parts);
  }
}
