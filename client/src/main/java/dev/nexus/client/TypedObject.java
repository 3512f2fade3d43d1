package dev.nexus.client;

import dev.nexus.api.model.ApiObject;

/**
 * A typed view of one API object (see {@code dev.nexus.client.kinds}): it reads and writes the
 * object's JSON in place, so {@link #apiObject()} is the very object the view was made from, with
 * every field kept, including fields this client version does not know.
 */
public interface TypedObject {
  /** The wrapped object (not a copy): what is sent to the server. */
  ApiObject apiObject();
}
