package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.KindInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks API objects against their kind's JSON Schema, the name and label rules ({@link Names}) and
 * the few rules a schema cannot express (a Workload's selector must match its template; an
 * Autoscaler's minimum must not exceed its maximum). Every problem is one {@link Status.Cause}
 * whose field is a dotted path ({@code spec.template.spec.ports[0].containerPort}) and whose
 * message is the rule ({@code must be less than or equal to 65535}).
 *
 * <p>Thread-safe; schemas are compiled once and cached (built-in ones per kind, run-time ones by
 * content), so one instance should be shared by a whole process.
 */
public final class ObjectValidator {
  private final SchemaCompiler schemas = new SchemaCompiler();
  private final CauseMapper mapper = new CauseMapper(schemas);
  private final SemanticRules semantics = new SemanticRules(this);

  /**
   * Validates an object of a kind with a built-in schema ({@link KindInfo#schemaResource()}); for a
   * kind without one, checks only the envelope ({@code apiVersion}, {@code kind}) and metadata.
   *
   * @return every broken rule, empty when the object is valid
   */
  public List<Status.Cause> validate(KindInfo kind, ObjectNode object) {
    if (kind.schemaResource() == null) {
      return validate(kind, object, null);
    }
    List<Status.Cause> causes = mapper.map(schemas.builtin(kind.schemaResource()).validate(object));
    if (causes.isEmpty()) {
      causes = semantics.check(kind, object);
    }
    return merge(causes, Names.validateMetadata(kind, object));
  }

  /**
   * Validates an object of a custom kind: envelope, metadata, and {@code schema} (a CRD version's
   * {@code openAPIV3Schema}) applied to the object without {@code apiVersion}, {@code kind} and
   * {@code metadata}, which the server owns, as in Kubernetes.
   *
   * @param schema the kind's schema, or null to skip that part
   */
  public List<Status.Cause> validate(KindInfo kind, ObjectNode object, JsonNode schema) {
    List<Status.Cause> causes = new ArrayList<>(envelope(kind, object));
    if (schema != null) {
      ObjectNode body = object.deepCopy();
      body.remove(List.of("apiVersion", "kind", "metadata"));
      causes.addAll(validateAgainst(schema, body));
    }
    return merge(causes, Names.validateMetadata(kind, object));
  }

  /**
   * Validates any JSON value against any schema (draft 2020-12); paths are relative to {@code
   * instance}. A schema that does not compile is reported as one cause with an empty field.
   */
  public List<Status.Cause> validateAgainst(JsonNode schema, JsonNode instance) {
    JsonSchema compiled;
    try {
      compiled = schemas.custom(schema);
    } catch (IllegalArgumentException e) {
      return List.of(
          new Status.Cause("", "schema is not valid: " + e.getMessage(), Reasons.INVALID));
    }
    return mapper.map(compiled.validate(instance));
  }

  /**
   * Checks that {@code schema} is a well-formed draft 2020-12 schema this server can compile (e.g.
   * a CRD's {@code openAPIV3Schema}); causes are reported under {@code field}.
   */
  public List<Status.Cause> checkSchema(String field, JsonNode schema) {
    Set<ValidationMessage> meta = schemas.metaSchema().validate(schema);
    List<Status.Cause> out = new ArrayList<>();
    for (Status.Cause c : mapper.map(meta)) {
      out.add(new Status.Cause(prefix(field, c.field()), c.message(), c.reason()));
    }
    if (out.isEmpty()) {
      try {
        schemas.custom(schema);
      } catch (IllegalArgumentException e) {
        out.add(
            new Status.Cause(field, "is not a valid schema: " + e.getMessage(), Reasons.INVALID));
      }
    }
    return out;
  }

  /**
   * Validates and throws the 422 {@code Invalid} error the API answers with when anything is wrong.
   */
  public void check(KindInfo kind, ObjectNode object) {
    List<Status.Cause> causes = validate(kind, object);
    if (!causes.isEmpty()) {
      JsonNode name = object.path("metadata").path("name");
      throw ApiException.invalid(kind.kind(), name.isTextual() ? name.asText() : null, causes);
    }
  }

  private static List<Status.Cause> envelope(KindInfo kind, ObjectNode object) {
    List<Status.Cause> out = new ArrayList<>();
    JsonNode apiVersion = object.get("apiVersion");
    if (apiVersion == null || !apiVersion.isTextual()) {
      out.add(new Status.Cause("apiVersion", "is required", Reasons.REQUIRED));
    } else if (!apiVersion.asText().equals(kind.apiVersion())) {
      out.add(
          new Status.Cause(
              "apiVersion",
              "must be \"" + kind.apiVersion() + "\", got " + apiVersion,
              Reasons.NOT_SUPPORTED));
    }
    JsonNode k = object.get("kind");
    if (k == null || !k.isTextual()) {
      out.add(new Status.Cause("kind", "is required", Reasons.REQUIRED));
    } else if (!k.asText().equals(kind.kind())) {
      out.add(
          new Status.Cause(
              "kind", "must be \"" + kind.kind() + "\", got " + k, Reasons.NOT_SUPPORTED));
    }
    JsonNode meta = object.get("metadata");
    if (meta != null && !meta.isObject()) {
      out.add(new Status.Cause("metadata", "must be an object", Reasons.TYPE_INVALID));
    }
    return out;
  }

  /** Schema causes first; a name-rule cause only for a field the schema had nothing to say on. */
  private static List<Status.Cause> merge(List<Status.Cause> first, List<Status.Cause> second) {
    Set<String> fields = new HashSet<>();
    first.forEach(c -> fields.add(c.field()));
    Set<Status.Cause> out = new LinkedHashSet<>(first);
    for (Status.Cause c : second) {
      if (!fields.contains(c.field())) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  private static String prefix(String field, String sub) {
    if (sub.isEmpty()) {
      return field;
    }
    if (field.isEmpty()) {
      return sub;
    }
    return sub.startsWith("[") ? field + sub : field + "." + sub;
  }
}
