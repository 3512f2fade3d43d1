package dev.nexus.client;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;

/**
 * The server could not be reached or stopped answering (refused, reset, timed out). It is an {@link
 * ApiException} with code 503 so callers that only care about "the call failed" need one catch;
 * callers that retry can tell it apart from a refusal by the server.
 */
public class ConnectionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String message, Throwable cause) {
    super(new Status(503, "ServiceUnavailable", message, null));
    initCause(cause);
  }
}
