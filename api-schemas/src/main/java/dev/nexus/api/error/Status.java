package dev.nexus.api.error;

import java.util.List;

/**
 * The one error body every Nexus API failure carries (DESIGN §4), shaped like a Kubernetes {@code
 * Status} so that kubectl prints it: {@code {kind: Status, apiVersion: v1, status: Failure, code,
 * reason, message, details: {name, kind, causes: [{field, message, reason}]}}}.
 *
 * @param code the HTTP status code
 * @param reason a CamelCase machine-readable reason: {@code Invalid}, {@code NotFound}, ...
 * @param message one human-readable line
 * @param details what object and which fields, may be null
 */
public record Status(int code, String reason, String message, Details details) {

  /** Which object the failure is about, and which of its fields broke which rule. */
  public record Details(String name, String kind, List<Cause> causes) {
    public Details {
      causes = causes == null ? List.of() : List.copyOf(causes);
    }
  }

  /**
   * One broken rule.
   *
   * @param field a dotted field path such as {@code spec.replicas} or {@code metadata.name}
   * @param message the rule, e.g. {@code must be greater than or equal to 0}
   * @param reason a machine-readable reason such as {@code FieldValueInvalid}
   */
  public record Cause(String field, String message, String reason) {}

  public List<Cause> causes() {
    return details == null ? List.of() : details.causes();
  }
}
