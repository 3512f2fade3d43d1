package dev.nexus.api.selector;

/** The comparisons a label {@link Requirement} can make. */
public enum LabelOperator {
  EQUALS("In"),
  NOT_EQUALS("NotIn"),
  IN("In"),
  NOT_IN("NotIn"),
  EXISTS("Exists"),
  DOES_NOT_EXIST("DoesNotExist");

  private final String jsonName;

  LabelOperator(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The operator's name in {@code matchExpressions} ({@code =} is written as {@code In}). */
  public String jsonName() {
    return jsonName;
  }

  static LabelOperator fromJsonName(String name) {
    return switch (name) {
      case "In" -> IN;
      case "NotIn" -> NOT_IN;
      case "Exists" -> EXISTS;
      case "DoesNotExist" -> DOES_NOT_EXIST;
      default ->
          throw new IllegalArgumentException(
              "unknown operator '" + name + "' (must be one of In, NotIn, Exists, DoesNotExist)");
    };
  }
}
