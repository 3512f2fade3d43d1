package dev.nexus.apiserver.storage.command;

import dev.nexus.apiserver.storage.Txn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one Raft entry that carries several independent {@link Txn}s (group commit): each
 * keeps its own preconditions and gets its own result; all apply at the entry's index, in order.
 *
 * <pre>
 * version(1)=64  txnCount(4)  per txn: length(4) command   (a command as {@link CommandCodec} writes it)
 * </pre>
 *
 * The first byte tells a batch from a single command (whose versions are small numbers), so {@link
 * #decode} also reads entries written before batching existed, as a batch of one.
 */
public final class BatchCodec {
  public static final byte VERSION = 64;

  /** At most this many transactions share one entry. */
  public static final int MAX_TXNS = 4096;

  private BatchCodec() {}

  /** The bytes of an entry holding {@code commands} (each from {@link CommandCodec#encode}). */
  public static byte[] encode(List<byte[]> commands) {
    if (commands.isEmpty() || commands.size() > MAX_TXNS) {
      throw new IllegalArgumentException(
          "a batch holds 1.." + MAX_TXNS + " transactions, got " + commands.size());
    }
    int size = 5;
    for (byte[] c : commands) {
      size += 4 + c.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).put(VERSION).putInt(commands.size());
    for (byte[] c : commands) {
      b.putInt(c.length).put(c);
    }
    return b.array();
  }

  /** Bytes an entry of {@code commandBytes} in {@code count} commands takes. */
  public static int encodedSize(int count, long commandBytes) {
    return (int) Math.min(Integer.MAX_VALUE, 5 + 4L * count + commandBytes);
  }

  /**
   * The transactions of an entry, in order.
   *
   * @throws IllegalArgumentException if the bytes are neither a batch nor a single command this
   *     version understands
   */
  public static List<Txn> decode(byte[] data) {
    if (data.length == 0 || data[0] != VERSION) {
      return List.of(CommandCodec.decode(data));
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    b.get();
    if (b.remaining() < 4) {
      throw new IllegalArgumentException("truncated batch header");
    }
    int count = b.getInt();
    if (count < 1 || count > MAX_TXNS) {
      throw new IllegalArgumentException("bad transaction count " + count);
    }
    List<Txn> txns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (b.remaining() < 4) {
        throw new IllegalArgumentException("truncated batch at transaction " + i);
      }
      int length = b.getInt();
      if (length < 1 || length > b.remaining()) {
        throw new IllegalArgumentException("bad length " + length + " of transaction " + i);
      }
      int from = b.position();
      txns.add(CommandCodec.decode(Arrays.copyOfRange(data, from, from + length)));
      b.position(from + length);
    }
    if (b.hasRemaining()) {
      throw new IllegalArgumentException(b.remaining() + " trailing bytes after the batch");
    }
    return txns;
  }
}
