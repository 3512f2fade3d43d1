package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wording of validation messages: JSON types with articles, value lists, counts. */
final class Phrases {
  private Phrases() {}

  static String expectedTypes(JsonNode schemaType) {
    if (schemaType.isArray()) {
      List<String> names = new ArrayList<>();
      schemaType.forEach(t -> names.add(article(t.asText())));
      return String.join(" or ", names);
    }
    return article(schemaType.asText());
  }

  static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  static String jsonType(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  static String list(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
    return out.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  static String count(int n, String noun) {
    return n == 1 ? "one " + noun : n + " " + noun + "s";
  }

  static String stripPointer(String message) {
    if (message == null) {
      return "is invalid";
    }
    int colon = message.indexOf(": ");
    return colon >= 0 && (message.startsWith("/") || message.startsWith(":") || colon == 0)
        ? message.substring(colon + 2)
        : message;
  }
}
