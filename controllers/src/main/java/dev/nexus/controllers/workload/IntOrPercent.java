package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Resolves a {@code maxSurge} / {@code maxUnavailable} value (an integer, or a string such as
 * {@code "25%"}, as the schema's {@code IntOrPercent} allows) against a replica count.
 */
final class IntOrPercent {
  private IntOrPercent() {}

  /**
   * The absolute count {@code value} means for {@code replicas}; {@code fallback} (such as "25%")
   * when the value is absent. Percentages round up when {@code roundUp} (surge: never zero for a
   * non-zero percentage) and down otherwise (unavailable: never more than asked).
   *
   * @throws IllegalArgumentException naming {@code field} when the value is neither form
   */
  static int resolve(JsonNode value, String fallback, int replicas, boolean roundUp, String field) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return resolveText(fallback, replicas, roundUp, field);
    }
    if (value.isIntegralNumber()) {
      if (value.asLong() < 0) {
        throw new IllegalArgumentException(field + ": must not be negative, was " + value);
      }
      return (int) Math.min(Integer.MAX_VALUE, value.asLong());
    }
    if (value.isTextual()) {
      return resolveText(value.textValue(), replicas, roundUp, field);
    }
    throw new IllegalArgumentException(
        field + ": must be a non-negative integer or a percentage such as 25%, was " + value);
  }

  private static int resolveText(String text, int replicas, boolean roundUp, String field) {
    String t = text.trim();
    try {
      if (t.endsWith("%")) {
        long percent = Long.parseLong(t.substring(0, t.length() - 1));
        if (percent < 0) {
          throw new NumberFormatException();
        }
        long scaled = percent * replicas;
        return (int) Math.min(Integer.MAX_VALUE, roundUp ? (scaled + 99) / 100 : scaled / 100);
      }
      long n = Long.parseLong(t);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return (int) Math.min(Integer.MAX_VALUE, n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          field
              + ": must be a non-negative integer or a percentage such as 25%, was \""
              + text
              + "\"");
    }
  }
}
