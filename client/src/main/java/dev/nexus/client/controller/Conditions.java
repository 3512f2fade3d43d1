package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads and sets {@code status.conditions} (DESIGN §3: {@code type, status True|False|Unknown,
 * reason, message, lastTransitionTime}). {@code lastTransitionTime} changes only when a condition's
 * status flips, so it answers "since when has this been so", not "when did a controller last look".
 */
public final class Conditions {
  private Conditions() {}

  /** One condition as read. */
  public record Condition(
      String type, String status, String reason, String message, String lastTransitionTime) {
    public boolean isTrue() {
      return "True".equals(status);
    }
  }

  /**
   * Sets condition {@code type} in {@code status} (changing it) to True or False with the reason
   * and message given; returns whether anything changed, so callers write status only when needed.
   */
  public static boolean set(
      ObjectNode status, String type, boolean value, String reason, String message) {
    return set(status, type, value ? "True" : "False", reason, message, Instant.now());
  }

  /** As {@link #set(ObjectNode, String, boolean, String, String)} with any status and clock. */
  public static boolean set(
      ObjectNode status, String type, String value, String reason, String message, Instant now) {
    if (!value.equals("True") && !value.equals("False") && !value.equals("Unknown")) {
      throw new IllegalArgumentException(
          "condition " + type + ": status must be True, False or Unknown, not " + value);
    }
    ArrayNode list =
        status.get("conditions") instanceof ArrayNode a ? a : status.putArray("conditions");
    ObjectNode c = find(list, type);
    if (c == null) {
      c = list.addObject();
      c.put("type", type);
    }
    boolean flipped = !value.equals(c.path("status").asText(null));
    boolean changed =
        flipped
            || !same(c, "reason", reason)
            || !same(c, "message", message)
            || !c.has("lastTransitionTime");
    c.put("status", value);
    putOrRemove(c, "reason", reason);
    putOrRemove(c, "message", message);
    if (flipped || !c.has("lastTransitionTime")) {
      c.put("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    return changed;
  }

  /** Condition {@code type} of {@code status} (may be null), if present. */
  public static Optional<Condition> get(JsonNode status, String type) {
    if (status == null || !(status.get("conditions") instanceof ArrayNode list)) {
      return Optional.empty();
    }
    ObjectNode c = find(list, type);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Condition(
            type,
            c.path("status").asText(null),
            c.path("reason").asText(null),
            c.path("message").asText(null),
            c.path("lastTransitionTime").asText(null)));
  }

  /** Whether condition {@code type} is present and True. */
  public static boolean isTrue(JsonNode status, String type) {
    return get(status, type).map(Condition::isTrue).orElse(false);
  }

  /** Removes condition {@code type}; true when it was there. */
  public static boolean remove(ObjectNode status, String type) {
    if (!(status.get("conditions") instanceof ArrayNode list)) {
      return false;
    }
    for (int i = 0; i < list.size(); i++) {
      if (type.equals(list.get(i).path("type").asText())) {
        list.remove(i);
        return true;
      }
    }
    return false;
  }

  private static ObjectNode find(ArrayNode list, String type) {
    for (JsonNode n : list) {
      if (n instanceof ObjectNode o && type.equals(o.path("type").asText())) {
        return o;
      }
    }
    return null;
  }

  private static boolean same(ObjectNode c, String field, String value) {
    JsonNode v = c.get(field);
    return value == null ? v == null || v.isNull() : v != null && value.equals(v.asText());
  }

  private static void putOrRemove(ObjectNode c, String field, String value) {
    if (value == null) {
      c.remove(field);
    } else {
      c.put(field, value);
    }
  }
}
