package dev.nexus.ctl;

/** A failure to report to the user as one {@code error: ...} line (exit code 1). */
public class CtlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CtlException(String message) {
    super(message);
  }
}
