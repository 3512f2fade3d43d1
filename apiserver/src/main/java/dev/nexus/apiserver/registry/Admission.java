package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.CustomResource;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.api.validation.ObjectValidator;
import dev.nexus.apiserver.crd.CustomKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * What an object must be before it is stored: of the kind the URL names (400 otherwise), valid
 * against its kind's schema and the name rules (422 with a cause per broken rule), and at most the
 * size limit once encoded (413).
 */
final class Admission {
  private final KindRegistry kinds;
  private final CustomKinds custom;
  private final ObjectValidator validator = new ObjectValidator();
  private final int maxObjectBytes;

  Admission(KindRegistry kinds, CustomKinds custom, int maxObjectBytes) {
    this.kinds = kinds;
    this.custom = custom;
    this.maxObjectBytes = maxObjectBytes;
  }

  void checkType(KindInfo urlKind, ObjectNode body) {
    checkType(kinds, urlKind, body);
  }

  /** The body's {@code apiVersion} and {@code kind} must be those of the URL's resource. */
  static void checkType(KindRegistry kinds, KindInfo urlKind, ObjectNode body) {
    String name = body.path("metadata").path("name").asText(null);
    JsonNode apiVersion = body.get("apiVersion");
    JsonNode kind = body.get("kind");
    if (apiVersion == null || !apiVersion.isTextual() || apiVersion.asText().isEmpty()) {
      throw badField(
          urlKind, name, "apiVersion", "Required value: must be " + urlKind.apiVersion());
    }
    if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
      throw badField(urlKind, name, "kind", "Required value: must be " + urlKind.kind());
    }
    String av = apiVersion.asText();
    String k = kind.asText();
    if (av.equals(urlKind.apiVersion()) && k.equals(urlKind.kind())) {
      return;
    }
    if (kinds.byKind(av, k).isEmpty()) {
      boolean knownVersion = kinds.all().stream().anyMatch(info -> info.apiVersion().equals(av));
      throw knownVersion
          ? badField(
              urlKind,
              name,
              "kind",
              "Unsupported value: no kind \"" + k + "\" is registered for version \"" + av + "\"")
          : badField(
              urlKind,
              name,
              "apiVersion",
              "Unsupported value: no API version \""
                  + av
                  + "\" is served (use "
                  + urlKind.apiVersion()
                  + ")");
    }
    throw badField(
        urlKind,
        name,
        av.equals(urlKind.apiVersion()) ? "kind" : "apiVersion",
        "the body is a "
            + av
            + " "
            + k
            + " but the URL is for "
            + urlKind.apiVersion()
            + " "
            + urlKind.kind()
            + " ("
            + urlKind.plural()
            + ")");
  }

  /** 422 listing every broken rule, each with its field path. */
  void validate(KindInfo kind, ObjectNode object) {
    List<Status.Cause> causes = causes(kind, object);
    if (!causes.isEmpty()) {
      JsonNode name = object.path("metadata").path("name");
      throw ApiException.invalid(kind.kind(), name.isTextual() ? name.asText() : null, causes);
    }
  }

  /**
   * A custom kind is checked against the schema its CRD has now (so a changed schema applies to new
   * writes only); a CRD also against the kinds other CRDs serve.
   */
  private List<Status.Cause> causes(KindInfo kind, ObjectNode object) {
    CustomResource resource = custom.lookup(kind).orElse(null);
    if (resource != null) {
      return validator.validate(kind, object, resource.schema());
    }
    List<Status.Cause> causes = validator.validate(kind, object);
    if (kind == BuiltinKinds.CUSTOM_RESOURCE_DEFINITION && causes.isEmpty()) {
      causes = new ArrayList<>(custom.clashes(object));
    }
    return causes;
  }

  byte[] encodeWithinLimit(KindInfo kind, String name, ObjectNode object) {
    byte[] value = StoredObjects.encode(object);
    if (value.length > maxObjectBytes) {
      throw new ApiException(
          new Status(
              413,
              "RequestEntityTooLarge",
              kind.kind()
                  + " \""
                  + name
                  + "\" is "
                  + value.length
                  + " bytes encoded; an object may be at most "
                  + maxObjectBytes
                  + " bytes",
              new Status.Details(name, kind.kind(), List.of())));
    }
    return value;
  }

  private static ApiException badField(KindInfo kind, String name, String field, String message) {
    return new ApiException(
        new Status(
            400,
            "BadRequest",
            field + ": " + message,
            new Status.Details(
                name,
                kind.kind(),
                List.of(new Status.Cause(field, message, "FieldValueInvalid")))));
  }
}
