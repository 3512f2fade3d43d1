package dev.nexus.api.validation;

/**
 * The machine-readable {@code reason} of a {@link dev.nexus.api.error.Status.Cause}, spelled like
 * Kubernetes' field error types so that kubectl and client code can switch on them.
 */
public final class Reasons {
  /** A required field is missing. */
  public static final String REQUIRED = "FieldValueRequired";

  /** A value breaks a rule (range, pattern, name syntax). */
  public static final String INVALID = "FieldValueInvalid";

  /** A value is not one of the allowed values. */
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";

  /** A value has the wrong JSON type. */
  public static final String TYPE_INVALID = "FieldValueTypeInvalid";

  /** A field the schema does not define (usually a typo). */
  public static final String UNKNOWN = "FieldValueUnknown";

  /** A value that must be unique is repeated. */
  public static final String DUPLICATE = "FieldValueDuplicate";

  /** A field that must not be set here. */
  public static final String FORBIDDEN = "FieldValueForbidden";

  /** A value longer than allowed. */
  public static final String TOO_LONG = "FieldValueTooLong";

  /** A list or map with more entries than allowed. */
  public static final String TOO_MANY = "FieldValueTooMany";

  private Reasons() {}
}
