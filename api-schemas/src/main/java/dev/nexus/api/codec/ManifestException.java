package dev.nexus.api.codec;

/** A manifest that cannot be parsed; the message names the source, document and line. */
public class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}
