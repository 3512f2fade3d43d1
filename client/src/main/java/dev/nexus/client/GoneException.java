package dev.nexus.client;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;

/**
 * The server answered 410: a watch asked for a revision older than the retained history. The caller
 * must list again and watch from the new list's revision.
 */
public class GoneException extends ApiException {
  private static final long serialVersionUID = 1L;

  public GoneException(Status status) {
    super(status);
  }
}
