package dev.nexus.api.selector;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One condition of a {@link LabelSelector}: {@code key op values}.
 *
 * @param key a label key such as {@code app} or {@code nexus.dev/role}
 * @param operator how the label's value is compared
 * @param values sorted and distinct; one value for {@code =} and {@code !=}, at least one for
 *     {@code in} and {@code notin}, none for exists and does-not-exist
 */
public record Requirement(String key, LabelOperator operator, List<String> values) {
  public Requirement {
    values = List.copyOf(new TreeSet<>(values));
    int n = values.size();
    boolean ok =
        switch (operator) {
          case EQUALS, NOT_EQUALS -> n == 1;
          case IN, NOT_IN -> n >= 1;
          case EXISTS, DOES_NOT_EXIST -> n == 0;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "operator "
              + operator.jsonName()
              + " on key '"
              + key
              + "' "
              + switch (operator) {
                case EQUALS, NOT_EQUALS -> "needs exactly one value";
                case IN, NOT_IN -> "needs at least one value";
                case EXISTS, DOES_NOT_EXIST -> "takes no values";
              });
    }
  }

  public static Requirement equalsTo(String key, String value) {
    return new Requirement(key, LabelOperator.EQUALS, List.of(value));
  }

  /**
   * Whether labels satisfy this requirement. As in Kubernetes, {@code !=} and {@code notin} also
   * match objects that lack the key.
   */
  public boolean matches(Map<String, String> labels) {
    String v = labels.get(key);
    return switch (operator) {
      case EQUALS, IN -> v != null && values.contains(v);
      case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
      case EXISTS -> v != null;
      case DOES_NOT_EXIST -> v == null;
    };
  }

  /** The string syntax: {@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code a}, {@code !a}. */
  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.getFirst();
      case NOT_EQUALS -> key + "!=" + values.getFirst();
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
    };
  }
}
