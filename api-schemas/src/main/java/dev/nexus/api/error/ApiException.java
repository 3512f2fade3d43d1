package dev.nexus.api.error;

import java.util.List;

/**
 * A request the API refuses, carrying the {@link Status} to answer with. Thrown by validation,
 * storage preconditions and handlers alike; the HTTP layer maps it 1:1 onto the response, and the
 * client SDK rethrows it from a response, so both sides see the same exception.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Status status;

  public ApiException(Status status) {
    super(status.message());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.code();
  }

  public String reason() {
    return status.reason();
  }

  public static ApiException badRequest(String message) {
    return new ApiException(new Status(400, "BadRequest", message, null));
  }

  public static ApiException invalid(String kind, String name, List<Status.Cause> causes) {
    String what = kind + (name == null ? "" : " \"" + name + "\"");
    StringBuilder msg = new StringBuilder(what).append(" is invalid: ");
    for (int i = 0; i < causes.size(); i++) {
      if (i > 0) {
        msg.append("; ");
      }
      msg.append(causes.get(i).field()).append(": ").append(causes.get(i).message());
    }
    return new ApiException(
        new Status(422, "Invalid", msg.toString(), new Status.Details(name, kind, causes)));
  }

  public static ApiException invalidField(String kind, String name, String field, String rule) {
    return invalid(kind, name, List.of(new Status.Cause(field, rule, "FieldValueInvalid")));
  }

  public static ApiException notFound(String kind, String name) {
    return new ApiException(
        new Status(
            404,
            "NotFound",
            kind + " \"" + name + "\" not found",
            new Status.Details(name, kind, List.of())));
  }

  public static ApiException alreadyExists(String kind, String name) {
    return new ApiException(
        new Status(
            409,
            "AlreadyExists",
            kind + " \"" + name + "\" already exists",
            new Status.Details(name, kind, List.of())));
  }

  public static ApiException conflict(String kind, String name, String why) {
    return new ApiException(
        new Status(
            409,
            "Conflict",
            "Operation cannot be fulfilled on " + kind + " \"" + name + "\": " + why,
            new Status.Details(name, kind, List.of())));
  }

  public static ApiException gone(String message) {
    return new ApiException(new Status(410, "Expired", message, null));
  }

  public static ApiException methodNotAllowed(String message) {
    return new ApiException(new Status(405, "MethodNotAllowed", message, null));
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(new Status(413, "RequestEntityTooLarge", message, null));
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(new Status(415, "UnsupportedMediaType", message, null));
  }

  public static ApiException unavailable(String message) {
    return new ApiException(new Status(503, "ServiceUnavailable", message, null));
  }

  public static ApiException internal(String message) {
    return new ApiException(new Status(500, "InternalError", message, null));
  }
}
