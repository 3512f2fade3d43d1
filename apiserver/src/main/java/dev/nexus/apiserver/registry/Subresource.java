package dev.nexus.apiserver.registry;

/** Which part of an object a request addresses. */
public enum Subresource {
  /** The object itself: metadata and spec (status too, for kinds without a status subresource). */
  MAIN,
  /** {@code /status}: only {@code status} is written. */
  STATUS,
  /** {@code /scale}: a Scale view of {@code spec.replicas}. */
  SCALE;

  /** The URL segment, or null for the object itself. */
  public String segment() {
    return this == MAIN ? null : name().toLowerCase(java.util.Locale.ROOT);
  }
}
