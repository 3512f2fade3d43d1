package dev.nexus.client;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;

/**
 * The server answered 409: either the write carried a stale {@code metadata.resourceVersion} (read
 * again and retry) or a create named an object that already exists ({@link #alreadyExists()}).
 */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(Status status) {
    super(status);
  }

  /** Whether a create failed because the name is taken (reason {@code AlreadyExists}). */
  public boolean alreadyExists() {
    return "AlreadyExists".equals(reason());
  }
}
