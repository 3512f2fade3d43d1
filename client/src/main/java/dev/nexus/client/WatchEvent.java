package dev.nexus.client;

import dev.nexus.api.model.ApiObject;

/**
 * One event of a watch stream.
 *
 * @param type what happened
 * @param object the object after the change (for DELETED: its last state; for BOOKMARK: only {@code
 *     metadata.resourceVersion} is meaningful)
 */
public record WatchEvent(Type type, ApiObject object) {
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  /** The revision this event brings the watcher to. */
  public String resourceVersion() {
    return object.resourceVersion();
  }
}
