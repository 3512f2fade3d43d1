package dev.nexus.apiserver.storage.command;

import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.TxnResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bytes of a {@link TxnResult} in a Raft reply that crosses the network (a write forwarded from
 * a follower). In-process replies carry the object itself.
 *
 * <pre>
 * version(1)=1 revision(8) failedOp(4) hasCurrent(1)
 * [modRevision(8) createRevision(8) keyLength(4) key valueLength(4) value  if hasCurrent]
 * </pre>
 */
public final class ResultCodec {
  /**
   * The result format's own version: it changes independently of {@link CommandCodec#VERSION} (a
   * CHECK operation changed commands, not results).
   */
  public static final byte VERSION = 1;

  private ResultCodec() {}

  public static byte[] encode(TxnResult result) {
    Optional<StoredObject> current = result.current();
    int size = 14 + current.map(c -> 24 + c.key().length() * 3 + c.value().length).orElse(0);
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(VERSION).putLong(result.revision()).putInt(result.failedOp());
    b.put((byte) (current.isPresent() ? 1 : 0));
    current.ifPresent(
        c -> {
          byte[] key = c.key().getBytes(StandardCharsets.UTF_8);
          b.putLong(c.modRevision()).putLong(c.createRevision());
          b.putInt(key.length).put(key).putInt(c.value().length).put(c.value());
        });
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  public static TxnResult decode(byte[] data) {
    ByteBuffer b = ByteBuffer.wrap(data);
    byte version = b.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown result version " + version);
    }
    long revision = b.getLong();
    int failedOp = b.getInt();
    if (b.get() == 0) {
      return new TxnResult(revision, failedOp, Optional.empty());
    }
    long mod = b.getLong();
    long create = b.getLong();
    byte[] key = new byte[b.getInt()];
    b.get(key);
    byte[] value = new byte[b.getInt()];
    b.get(value);
    return new TxnResult(
        revision,
        failedOp,
        Optional.of(new StoredObject(new String(key, StandardCharsets.UTF_8), value, mod, create)));
  }
}
