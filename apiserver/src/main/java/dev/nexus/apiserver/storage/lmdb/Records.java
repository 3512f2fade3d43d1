package dev.nexus.apiserver.storage.lmdb;

import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.WatchEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of the three LMDB databases. Every number is big-endian so that keys sort by
 * value under LMDB's default memcmp ordering.
 *
 * <pre>
 * objects  key:   UTF-8 storage key
 *          value: modRevision(8) createRevision(8) object bytes
 * history  key:   revision(8) opIndex(4)                  -- sorts by revision, then op order
 *          value: type(1) createRevision(8) keyLength(4) key bytes value bytes
 *                 (for DELETED the value is the last value before the delete)
 * meta     "applied"   -> term(8) index(8)   last Raft entry reflected in this database
 *          "compacted" -> revision(8)        every history record with revision <= this is gone
 *          "format"    -> version(4)
 * </pre>
 */
public final class Records {
  static final byte[] META_APPLIED = ascii("applied");
  static final byte[] META_COMPACTED = ascii("compacted");
  static final byte[] META_FORMAT = ascii("format");
  static final int FORMAT_VERSION = 1;

  /** LMDB's largest key with its default page size. */
  static final int MAX_KEY_BYTES = 511;

  private static final WatchEvent.Type[] TYPES = WatchEvent.Type.values();

  private Records() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] key(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** A key's current record in {@code objects}. */
  record ObjectRecord(long modRevision, long createRevision, byte[] value) {
    StoredObject toStored(String key) {
      return new StoredObject(key, value, modRevision, createRevision);
    }
  }

  static byte[] encodeObject(long modRevision, long createRevision, byte[] value) {
    return ByteBuffer.allocate(16 + value.length)
        .putLong(modRevision)
        .putLong(createRevision)
        .put(value)
        .array();
  }

  static ObjectRecord decodeObject(byte[] raw) {
    if (raw == null) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    long mod = b.getLong();
    long create = b.getLong();
    byte[] value = new byte[b.remaining()];
    b.get(value);
    return new ObjectRecord(mod, create, value);
  }

  static byte[] historyKey(long revision, int opIndex) {
    return ByteBuffer.allocate(12).putLong(revision).putInt(opIndex).array();
  }

  static long historyRevision(byte[] historyKey) {
    return ByteBuffer.wrap(historyKey).getLong();
  }

  static byte[] encodeHistory(WatchEvent.Type type, long createRevision, byte[] key, byte[] value) {
    return ByteBuffer.allocate(13 + key.length + value.length)
        .put((byte) type.ordinal())
        .putLong(createRevision)
        .putInt(key.length)
        .put(key)
        .put(value)
        .array();
  }

  static WatchEvent decodeHistory(byte[] historyKey, byte[] raw) {
    long revision = historyRevision(historyKey);
    ByteBuffer b = ByteBuffer.wrap(raw);
    WatchEvent.Type type = TYPES[b.get()];
    long create = b.getLong();
    byte[] key = new byte[b.getInt()];
    b.get(key);
    byte[] value = new byte[b.remaining()];
    b.get(value);
    return new WatchEvent(type, new String(key, StandardCharsets.UTF_8), value, revision, create);
  }

  static byte[] encodeLong(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static long decodeLong(byte[] raw, long absent) {
    return raw == null ? absent : ByteBuffer.wrap(raw).getLong();
  }

  static byte[] encodeTermIndex(long term, long index) {
    return ByteBuffer.allocate(16).putLong(term).putLong(index).array();
  }
}
