package dev.nexus.client;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import java.util.List;

/**
 * The server refused the request as malformed (400) or the object as invalid (422). {@link
 * #causes()} names each broken field and its rule, e.g. {@code spec.replicas: must be greater than
 * or equal to 0}.
 */
public class InvalidException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule.
   *
   * @param field a dotted path such as {@code spec.replicas}, or null when the request as a whole
   *     is at fault
   * @param message the rule
   * @param reason a machine-readable reason such as {@code FieldValueInvalid}, may be null
   */
  public record FieldCause(String field, String message, String reason) {}

  public InvalidException(Status status) {
    super(status);
  }

  /** The broken rules, in the server's order; empty when the server named none. */
  public List<FieldCause> causes() {
    return status().causes().stream()
        .map(c -> new FieldCause(c.field(), c.message(), c.reason()))
        .toList();
  }
}
