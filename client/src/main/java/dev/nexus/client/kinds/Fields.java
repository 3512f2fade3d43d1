package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes plain JSON fields for the views; absent reads as the caller's default. */
final class Fields {
  private Fields() {}

  static String text(JsonNode parent, String field) {
    JsonNode v = parent.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  static int integer(JsonNode parent, String field, int absent) {
    JsonNode v = parent.path(field);
    return v.isNumber() ? v.asInt() : absent;
  }

  static long longInt(JsonNode parent, String field, long absent) {
    JsonNode v = parent.path(field);
    return v.isNumber() ? v.asLong() : absent;
  }

  static boolean bool(JsonNode parent, String field) {
    return parent.path(field).asBoolean(false);
  }

  /** An RFC 3339 timestamp; empty when absent, null or unreadable. */
  static Optional<Instant> instant(JsonNode parent, String field) {
    String t = text(parent, field);
    if (t == null || t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A copy of a string map (labels, selectors, quantities), unmodifiable. */
  static Map<String, String> stringMap(JsonNode parent, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (parent.path(field) instanceof ObjectNode o) {
      o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return Collections.unmodifiableMap(out);
  }

  static List<String> strings(JsonNode parent, String field) {
    List<String> out = new ArrayList<>();
    parent.path(field).forEach(s -> out.add(s.asText()));
    return List.copyOf(out);
  }

  static ObjectNode object(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
  }

  static ArrayNode array(ObjectNode parent, String field) {
    return parent.get(field) instanceof ArrayNode a ? a : parent.putArray(field);
  }

  /** Sets {@code field}, or removes it when {@code value} is null. */
  static void put(ObjectNode parent, String field, String value) {
    if (value == null) {
      parent.remove(field);
    } else {
      parent.put(field, value);
    }
  }

  /** Replaces {@code field} with the entries of {@code map} (in its order). */
  static void putStringMap(ObjectNode parent, String field, Map<String, String> map) {
    ObjectNode o = parent.putObject(field);
    map.forEach(o::put);
  }

  static void putStrings(ObjectNode parent, String field, List<String> values) {
    ArrayNode a = parent.putArray(field);
    values.forEach(a::add);
  }

  /** Sets one entry of a string map (null removes it), creating the map when needed. */
  static void putEntry(ObjectNode parent, String field, String key, String value) {
    if (value == null) {
      if (parent.get(field) instanceof ObjectNode o) {
        o.remove(key);
      }
    } else {
      object(parent, field).put(key, value);
    }
  }
}
