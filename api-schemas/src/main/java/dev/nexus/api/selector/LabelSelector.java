package dev.nexus.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.validation.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A label selector: a conjunction of {@link Requirement}s. Immutable and thread-safe; requirements
 * are kept sorted by key so that equal selectors compare equal and print the same.
 *
 * <p>Three ways in: the query-string syntax ({@link #parse}, {@code app=web,env in (a,b)}), the
 * object form of manifests ({@link #fromJson}, {@code {matchLabels, matchExpressions}}) and a plain
 * map ({@link #fromMap}, a Service's {@code selector}). The empty selector matches everything.
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());
  private static final Comparator<Requirement> ORDER =
      Comparator.comparing(Requirement::key)
          .thenComparing(Requirement::operator)
          .thenComparing(r -> String.join(",", r.values()));

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(ORDER);
    this.requirements = List.copyOf(sorted);
  }

  public static LabelSelector everything() {
    return EVERYTHING;
  }

  public static LabelSelector of(List<Requirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
  }

  /**
   * Parses {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code
   * a}, {@code !a}, separated by commas. Null or blank is the empty selector.
   *
   * @throws IllegalArgumentException naming the selector, the bad part and its position
   */
  public static LabelSelector parse(String selector) {
    return selector == null ? EVERYTHING : of(LabelSelectorParser.parse(selector));
  }

  /** Every pair must match: {@code {app: web}} is {@code app=web}. */
  public static LabelSelector fromMap(Map<String, String> labels) {
    List<Requirement> out = new ArrayList<>();
    labels.forEach((k, v) -> out.add(Requirement.equalsTo(checkKey(k), checkValue(k, v))));
    return of(out);
  }

  /**
   * Reads the object form {@code {matchLabels: {k: v}, matchExpressions: [{key, operator,
   * values}]}}. Also accepts a plain map of strings ({@code {app: web}}, as a Service's selector),
   * and null or a missing node as the empty selector.
   *
   * @throws IllegalArgumentException naming the offending entry
   */
  public static LabelSelector fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return EVERYTHING;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a label selector must be an object, got " + node);
    }
    boolean objectForm =
        node.get("matchLabels") instanceof ObjectNode || node.get("matchExpressions") != null;
    if (!objectForm) {
      Map<String, String> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException(
              "label '" + e.getKey() + "' must have a string value, got " + e.getValue());
        }
        map.put(e.getKey(), e.getValue().asText());
      }
      return fromMap(map);
    }
    List<Requirement> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      switch (e.getKey()) {
        case "matchLabels" -> matchLabels(e.getValue(), out);
        case "matchExpressions" -> matchExpressions(e.getValue(), out);
        default ->
            throw new IllegalArgumentException(
                "unknown field '" + e.getKey() + "' (expected matchLabels or matchExpressions)");
      }
    }
    return of(out);
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * The value the selector requires for a key ({@code key=value} or {@code key in (value)}), if
   * exactly one: lets a cache answer from an index on that label instead of scanning.
   */
  public Optional<String> pinned(String key) {
    for (Requirement r : requirements) {
      if (r.key().equals(key)
          && (r.operator() == LabelOperator.EQUALS || r.operator() == LabelOperator.IN)
          && r.values().size() == 1) {
        return Optional.of(r.values().getFirst());
      }
    }
    return Optional.empty();
  }

  /** The object form: equalities as {@code matchLabels}, the rest as {@code matchExpressions}. */
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Requirement r : requirements) {
      if (r.operator() == LabelOperator.EQUALS && !(out.path("matchLabels").has(r.key()))) {
        out.withObject("/matchLabels").put(r.key(), r.values().getFirst());
        continue;
      }
      ObjectNode expr = out.withArray("/matchExpressions").addObject();
      expr.put("key", r.key());
      expr.put("operator", r.operator().jsonName());
      if (!r.values().isEmpty()) {
        ArrayNode values = expr.putArray("values");
        r.values().forEach(values::add);
      }
    }
    return out;
  }

  /** The string syntax; {@code parse(toString())} gives an equal selector. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    requirements.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  private static void matchLabels(JsonNode labels, List<Requirement> out) {
    if (!labels.isObject()) {
      throw new IllegalArgumentException("matchLabels must be an object, got " + labels);
    }
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(
            "matchLabels." + e.getKey() + " must be a string, got " + e.getValue());
      }
      out.add(
          Requirement.equalsTo(
              checkKey(e.getKey()), checkValue(e.getKey(), e.getValue().asText())));
    }
  }

  private static void matchExpressions(JsonNode exprs, List<Requirement> out) {
    if (!exprs.isArray()) {
      throw new IllegalArgumentException("matchExpressions must be a list, got " + exprs);
    }
    for (int i = 0; i < exprs.size(); i++) {
      JsonNode e = exprs.get(i);
      String where = "matchExpressions[" + i + "]";
      if (!e.path("key").isTextual() || !e.path("operator").isTextual()) {
        throw new IllegalArgumentException(where + " needs a key and an operator");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode v : e.path("values")) {
        values.add(checkValue(e.get("key").asText(), v.asText()));
      }
      try {
        out.add(
            new Requirement(
                checkKey(e.get("key").asText()),
                LabelOperator.fromJsonName(e.get("operator").asText()),
                values));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
      }
    }
  }

  private static String checkKey(String key) {
    Names.qualifiedNameViolation(key)
        .ifPresent(
            v -> {
              throw new IllegalArgumentException("label key '" + key + "' " + v);
            });
    return key;
  }

  private static String checkValue(String key, String value) {
    Names.labelValueViolation(value)
        .ifPresent(
            v -> {
              throw new IllegalArgumentException(
                  "value '" + value + "' of label '" + key + "' " + v);
            });
    return value;
  }
}
