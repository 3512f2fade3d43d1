package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.nexus.api.error.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns networknt's messages ({@code /spec/port: string found, integer expected}) into causes a
 * user understands ({@code spec.port: must be an integer, got string}). Messages are rebuilt from
 * the keyword, the schema node and the instance node rather than parsed from networknt's text, so
 * they do not change with its wording or locale.
 *
 * <p>A failed {@code oneOf}/{@code anyOf} also reports why each branch failed; those reports are
 * dropped in favour of one message naming the alternatives ("must set exactly one of [httpGet,
 * tcpSocket, exec]").
 */
final class CauseMapper {
  private final SchemaCompiler schemas;

  CauseMapper(SchemaCompiler schemas) {
    this.schemas = schemas;
  }

  List<Status.Cause> map(Collection<ValidationMessage> messages) {
    List<String> branchPrefixes = new ArrayList<>();
    for (ValidationMessage m : messages) {
      if ("oneOf".equals(m.getType()) || "anyOf".equals(m.getType())) {
        branchPrefixes.add(evaluationPath(m) + "/");
      }
    }
    Set<Status.Cause> out = new LinkedHashSet<>();
    Map<String, List<ValidationMessage>> anyOfGroups = new LinkedHashMap<>();
    for (ValidationMessage m : messages) {
      String evaluation = evaluationPath(m);
      if (branchPrefixes.stream().anyMatch(evaluation::startsWith)) {
        continue;
      }
      int anyOf = evaluation.indexOf("/anyOf/");
      if (anyOf >= 0) {
        anyOfGroups
            .computeIfAbsent(evaluation.substring(0, anyOf + 6), k -> new ArrayList<>())
            .add(m);
      } else {
        out.add(cause(m));
      }
    }
    anyOfGroups.forEach((prefix, group) -> out.addAll(anyOf(prefix, group)));
    return List.copyOf(out);
  }

  /**
   * networknt reports a failed {@code anyOf} as every branch's failures. The branch a user meant is
   * the one whose type matched (a string that is not in an enum, rather than "must be an array"):
   * report only those; when every branch failed on type, report one type message.
   */
  private List<Status.Cause> anyOf(String prefix, List<ValidationMessage> group) {
    int depth = Integer.MAX_VALUE;
    for (ValidationMessage m : group) {
      depth = Math.min(depth, m.getInstanceLocation().getNameCount());
    }
    Map<String, List<ValidationMessage>> branches = new LinkedHashMap<>();
    for (ValidationMessage m : group) {
      String rest = evaluationPath(m).substring(prefix.length() + 1);
      int slash = rest.indexOf('/');
      branches
          .computeIfAbsent(slash < 0 ? rest : rest.substring(0, slash), k -> new ArrayList<>())
          .add(m);
    }
    List<ValidationMessage> matched = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    ValidationMessage typeMessage = null;
    for (List<ValidationMessage> branch : branches.values()) {
      final int top = depth;
      ValidationMessage mismatch =
          branch.stream()
              .filter(
                  m -> "type".equals(m.getType()) && m.getInstanceLocation().getNameCount() == top)
              .findFirst()
              .orElse(null);
      if (mismatch == null) {
        matched.addAll(branch);
      } else {
        typeMessage = mismatch;
        expected.add(Phrases.expectedTypes(mismatch.getSchemaNode()));
      }
    }
    List<Status.Cause> out = new ArrayList<>();
    if (!matched.isEmpty()) {
      matched.forEach(m -> out.add(cause(m)));
    } else if (typeMessage != null) {
      out.add(
          new Status.Cause(
              path(typeMessage.getInstanceLocation()),
              "must be "
                  + String.join(" or ", expected)
                  + ", got "
                  + Phrases.jsonType(typeMessage.getInstanceNode()),
              Reasons.TYPE_INVALID));
    }
    return out;
  }

  private static String evaluationPath(ValidationMessage m) {
    return m.getEvaluationPath() == null ? "" : m.getEvaluationPath().toString();
  }

  private Status.Cause cause(ValidationMessage m) {
    String path = path(m.getInstanceLocation());
    JsonNode schema = m.getSchemaNode();
    JsonNode value = m.getInstanceNode();
    String type = m.getType() == null ? "" : m.getType();
    return switch (type) {
      case "required" ->
          new Status.Cause(FieldPath.child(path, m.getProperty()), "is required", Reasons.REQUIRED);
      case "additionalProperties", "unevaluatedProperties" ->
          new Status.Cause(
              FieldPath.child(path, m.getProperty()), unknownField(m), Reasons.UNKNOWN);
      case "type" ->
          new Status.Cause(
              path,
              "must be " + Phrases.expectedTypes(schema) + ", got " + Phrases.jsonType(value),
              Reasons.TYPE_INVALID);
      case "enum" ->
          new Status.Cause(
              path,
              "must be one of " + Phrases.list(schema) + ", got " + value,
              Reasons.NOT_SUPPORTED);
      case "const" ->
          new Status.Cause(path, "must be " + schema + ", got " + value, Reasons.NOT_SUPPORTED);
      case "minimum" ->
          new Status.Cause(path, "must be greater than or equal to " + schema, Reasons.INVALID);
      case "maximum" ->
          new Status.Cause(path, "must be less than or equal to " + schema, Reasons.INVALID);
      case "exclusiveMinimum" ->
          new Status.Cause(path, "must be greater than " + schema, Reasons.INVALID);
      case "exclusiveMaximum" ->
          new Status.Cause(path, "must be less than " + schema, Reasons.INVALID);
      case "multipleOf" ->
          new Status.Cause(path, "must be a multiple of " + schema, Reasons.INVALID);
      case "minLength" ->
          new Status.Cause(
              path,
              schema.asInt() == 1
                  ? "must not be empty"
                  : "must be at least " + schema + " characters",
              schema.asInt() == 1 ? Reasons.REQUIRED : Reasons.INVALID);
      case "maxLength" ->
          new Status.Cause(
              path,
              "must be at most " + schema + " characters (is " + value.asText().length() + ")",
              Reasons.TOO_LONG);
      case "minItems" ->
          new Status.Cause(
              path,
              "must have at least " + Phrases.count(schema.asInt(), "item"),
              schema.asInt() == 1 ? Reasons.REQUIRED : Reasons.INVALID);
      case "maxItems" ->
          new Status.Cause(
              path, "must have at most " + Phrases.count(schema.asInt(), "item"), Reasons.TOO_MANY);
      case "minProperties" -> new Status.Cause(path, minProperties(m), Reasons.REQUIRED);
      case "maxProperties" -> new Status.Cause(path, maxProperties(m), Reasons.TOO_MANY);
      case "uniqueItems" ->
          new Status.Cause(path, "must not contain duplicates", Reasons.DUPLICATE);
      case "pattern", "format" -> new Status.Cause(path, patternRule(m), Reasons.INVALID);
      case "propertyNames" ->
          new Status.Cause(
              FieldPath.child(path, String.valueOf(m.getProperty())),
              "invalid key: " + ruleOf(schemas.resolve(m.getSchemaLocation()), m),
              Reasons.INVALID);
      case "oneOf", "anyOf" -> new Status.Cause(path, alternatives(type, schema), Reasons.INVALID);
      case "false", "not" -> new Status.Cause(path, "is not allowed here", Reasons.FORBIDDEN);
      case "dependentRequired" ->
          new Status.Cause(path, "requires " + m.getArguments()[1], Reasons.REQUIRED);
      default -> new Status.Cause(path, Phrases.stripPointer(m.getMessage()), Reasons.INVALID);
    };
  }

  /** {@code spec.template.spec.ports[0].containerPort} from the instance location. */
  static String path(JsonNodePath location) {
    String path = "";
    for (int i = 0; location != null && i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path =
          element instanceof Integer index
              ? FieldPath.index(path, index)
              : FieldPath.child(path, element.toString());
    }
    return path;
  }

  private String unknownField(ValidationMessage m) {
    JsonNode parent = schemas.resolve(parentLocation(m));
    JsonNode properties = parent == null ? null : parent.get("properties");
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (properties != null && m.getProperty() != null) {
      for (String known : (Iterable<String>) properties::fieldNames) {
        int d =
            EditDistance.between(
                m.getProperty().toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
        if (d < bestDistance) {
          bestDistance = d;
          best = known;
        }
      }
    }
    if (best != null && bestDistance <= Math.max(1, Math.min(3, best.length() / 3))) {
      return "unknown field, did you mean \"" + best + "\"?";
    }
    return "unknown field";
  }

  private String minProperties(ValidationMessage m) {
    int n = m.getSchemaNode().asInt();
    List<String> names = propertyNames(schemas.resolve(parentLocation(m)));
    if (n == 1 && !names.isEmpty()) {
      return "must set at least one of " + names;
    }
    return "must have at least " + Phrases.count(n, "field");
  }

  private String maxProperties(ValidationMessage m) {
    int n = m.getSchemaNode().asInt();
    List<String> names = propertyNames(schemas.resolve(parentLocation(m)));
    if (n == 0) {
      return "must be empty ({})";
    }
    if (n == 1 && !names.isEmpty()) {
      return "must set only one of " + names;
    }
    return "must have at most " + Phrases.count(n, "field");
  }

  private String patternRule(ValidationMessage m) {
    JsonNode parent = schemas.resolve(parentLocation(m));
    if (parent != null && parent.path("x-message").isTextual()) {
      return parent.get("x-message").asText();
    }
    if ("format".equals(m.getType())) {
      return "must be a valid " + m.getSchemaNode().asText();
    }
    return "must match the pattern " + m.getSchemaNode().asText();
  }

  private static String ruleOf(JsonNode propertyNamesSchema, ValidationMessage m) {
    if (propertyNamesSchema != null && propertyNamesSchema.path("x-message").isTextual()) {
      return propertyNamesSchema.get("x-message").asText();
    }
    return Phrases.stripPointer(m.getMessage());
  }

  /** "must set exactly one of [httpGet, exec]" when every branch only requires one field. */
  private static String alternatives(String type, JsonNode branches) {
    List<String> required = new ArrayList<>();
    for (JsonNode branch : branches) {
      JsonNode req = branch.get("required");
      if (branch.size() != 1 || req == null || req.size() != 1) {
        return "oneOf".equals(type)
            ? "must match exactly one of the allowed forms"
            : "must match at least one of the allowed forms";
      }
      required.add(req.get(0).asText());
    }
    return ("oneOf".equals(type) ? "must set exactly one of " : "must set at least one of ")
        + required;
  }

  private static com.networknt.schema.SchemaLocation parentLocation(ValidationMessage m) {
    com.networknt.schema.SchemaLocation loc = m.getSchemaLocation();
    if (loc == null || loc.getFragment() == null || loc.getFragment().getNameCount() == 0) {
      return loc;
    }
    return new com.networknt.schema.SchemaLocation(
        loc.getAbsoluteIri(), loc.getFragment().getParent());
  }

  private static List<String> propertyNames(JsonNode schema) {
    List<String> names = new ArrayList<>();
    if (schema != null && schema.get("properties") != null) {
      schema.get("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}
