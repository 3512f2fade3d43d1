package dev.nexus.apiserver.storage;

/**
 * One change to one key, as recorded in the watch history.
 *
 * @param type what happened
 * @param key the key
 * @param value the new value; for {@link Type#DELETED}, the last value before deletion
 * @param revision the revision of the write
 * @param createRevision the revision that created the key (equal to revision for ADDED)
 */
public record WatchEvent(Type type, String key, byte[] value, long revision, long createRevision) {
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
