package dev.nexus.client.controller;

/**
 * A reconcile failure that retrying cannot fix (an invalid spec, a reference to something the user
 * must create): logged, counted, recorded as a Warning event when the controller has a recorder,
 * and not retried until the object changes again.
 */
public class TerminalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TerminalException(String message) {
    super(message);
  }

  public TerminalException(String message, Throwable cause) {
    super(message, cause);
  }
}
