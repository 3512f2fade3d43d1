package dev.nexus.client;

/**
 * One event of a typed watch; see {@link WatchEvent} (for BOOKMARK only {@code resourceVersion} of
 * the object means anything).
 */
public record TypedWatchEvent<T extends TypedObject>(WatchEvent.Type type, T object) {
  /** The revision this event brings the watcher to. */
  public String resourceVersion() {
    return object.apiObject().resourceVersion();
  }
}
