package dev.nexus.client;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;

/** The server answered 404: the object (or its namespace, or its kind) does not exist. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(Status status) {
    super(status);
  }
}
