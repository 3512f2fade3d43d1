package dev.nexus.client;

/**
 * Options of a delete call.
 *
 * @param propagationPolicy {@code Foreground}, {@code Background} or {@code Orphan}; null lets the
 *     server decide
 */
public record DeleteOptions(String propagationPolicy) {
  private static final DeleteOptions DEFAULTS = new DeleteOptions(null);

  public static DeleteOptions defaults() {
    return DEFAULTS;
  }
}
