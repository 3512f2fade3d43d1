package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.selector.FieldSelector;
import dev.nexus.api.selector.LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Label and field selectors compiled into one predicate over objects. A selector that does not
 * parse is a 400 naming the query parameter. Field selectors may name any dotted path ({@code
 * metadata.name}, {@code metadata.namespace}, {@code spec.nodeName}, {@code status.phase}, ...).
 */
final class ObjectFilter {
  private ObjectFilter() {}

  static Predicate<ObjectNode> compile(String labelSelector, String fieldSelector) {
    LabelSelector labels;
    FieldSelector fields;
    try {
      labels = LabelSelector.parse(labelSelector);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("labelSelector: " + e.getMessage());
    }
    try {
      fields = FieldSelector.parse(fieldSelector);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("fieldSelector: " + e.getMessage());
    }
    if (labels.isEmpty() && fields.isEmpty()) {
      return o -> true;
    }
    return o -> labels.matches(labels(o)) && fields.matches(o);
  }

  private static Map<String, String> labels(ObjectNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
