package dev.nexus.apiserver.storage.command;

import dev.nexus.apiserver.storage.TxnResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of the reply to a Raft entry that crosses the network (a write forwarded from a
 * follower): one {@link TxnResult} per transaction of the entry, in order.
 *
 * <pre>
 * version(1)=64  count(4)  per result: length(4) result   (a result as {@link ResultCodec} writes it)
 * </pre>
 */
public final class BatchResultCodec {
  private BatchResultCodec() {}

  public static byte[] encode(List<TxnResult> results) {
    List<byte[]> encoded = new ArrayList<>(results.size());
    int size = 5;
    for (TxnResult r : results) {
      byte[] e = ResultCodec.encode(r);
      encoded.add(e);
      size += 4 + e.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).put(BatchCodec.VERSION).putInt(results.size());
    for (byte[] e : encoded) {
      b.putInt(e.length).put(e);
    }
    return b.array();
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a batch reply
   */
  public static List<TxnResult> decode(byte[] data) {
    ByteBuffer b = ByteBuffer.wrap(data);
    if (b.remaining() < 5 || b.get() != BatchCodec.VERSION) {
      throw new IllegalArgumentException("not a batch reply");
    }
    int count = b.getInt();
    if (count < 0 || count > BatchCodec.MAX_TXNS) {
      throw new IllegalArgumentException("bad result count " + count);
    }
    List<TxnResult> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = b.getInt();
      if (length < 1 || length > b.remaining()) {
        throw new IllegalArgumentException("bad length " + length + " of result " + i);
      }
      int from = b.position();
      results.add(ResultCodec.decode(Arrays.copyOfRange(data, from, from + length)));
      b.position(from + length);
    }
    return results;
  }
}
