package dev.nexus.apiserver.storage;

/**
 * One key's current value.
 *
 * @param key the storage key
 * @param value the encoded object (JSON bytes)
 * @param modRevision the revision of the write that produced this value
 * @param createRevision the revision of the write that created the key
 */
public record StoredObject(String key, byte[] value, long modRevision, long createRevision) {}
