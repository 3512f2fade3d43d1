package dev.nexus.apiserver.storage.command;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a {@link Txn} in the Raft log. The log outlives the code that wrote it, so the
 * format is explicit, versioned and never Java serialization:
 *
 * <pre>
 * version(1)=2  opCount(4)
 * per op:  opType(1: 1=PUT 2=DELETE 3=CHECK)
 *          precondition(1: 0=NONE 1=ABSENT 2=PRESENT 3=MOD_REVISION)
 *          [revision(8) if MOD_REVISION]  keyLength(4) key(UTF-8)
 *          [valueLength(4) value if PUT]
 * </pre>
 *
 * Version 1 is the same layout without CHECK; entries written by it are still read, so a log or
 * snapshot from before CHECK existed replays unchanged. A reader that meets an unknown version, or
 * an operation its version cannot hold, refuses the entry rather than guess.
 */
public final class CommandCodec {
  public static final byte VERSION = 2;

  /** The first version; its entries may hold PUT and DELETE only. */
  static final byte VERSION_1 = 1;

  /** LMDB's largest key. */
  public static final int MAX_KEY_BYTES = 511;

  public static final int MAX_OPS = 10_000;

  private static final byte PUT = 1;
  private static final byte DELETE = 2;
  private static final byte CHECK = 3;

  private CommandCodec() {}

  /**
   * Encodes {@code txn}, refusing one that storage could not hold.
   *
   * @throws ApiException 400 for a bad key, 413 when the command exceeds {@code maxBytes}
   */
  public static byte[] encode(Txn txn, int maxBytes) {
    if (txn.ops().size() > MAX_OPS) {
      throw ApiException.tooLarge(
          "a transaction may hold at most " + MAX_OPS + " operations, got " + txn.ops().size());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate(txn));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(txn.ops().size());
      for (int i = 0; i < txn.ops().size(); i++) {
        writeOp(out, i, txn.ops().get(i));
        if (bytes.size() > maxBytes) {
          throw ApiException.tooLarge(
              "the transaction is larger than the storage limit of " + maxBytes + " bytes");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int estimate(Txn txn) {
    int n = 8;
    for (Op op : txn.ops()) {
      n += 32 + op.key().length() + (op instanceof Op.Put p ? p.value().length : 0);
    }
    return n;
  }

  private static void writeOp(DataOutputStream out, int index, Op op) throws IOException {
    byte[] key = validKey(index, op.key());
    out.writeByte(
        switch (op) {
          case Op.Put p -> PUT;
          case Op.Delete d -> DELETE;
          case Op.Check c -> CHECK;
        });
    switch (op.precondition()) {
      case Precondition.None n -> out.writeByte(0);
      case Precondition.Absent a -> out.writeByte(1);
      case Precondition.Present p -> out.writeByte(2);
      case Precondition.ModRevision m -> {
        out.writeByte(3);
        out.writeLong(m.revision());
      }
    }
    out.writeInt(key.length);
    out.write(key);
    if (op instanceof Op.Put put) {
      if (put.value() == null) {
        throw ApiException.badRequest("ops[" + index + "].value: must not be null");
      }
      out.writeInt(put.value().length);
      out.write(put.value());
    }
  }

  private static byte[] validKey(int index, String key) {
    if (key == null || key.isEmpty()) {
      throw ApiException.badRequest("ops[" + index + "].key: must not be empty");
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_KEY_BYTES) {
      throw ApiException.badRequest(
          "ops[" + index + "].key: must be at most " + MAX_KEY_BYTES + " bytes of UTF-8");
    }
    return bytes;
  }

  /**
   * Decodes a command written by {@link #encode}.
   *
   * @throws IllegalArgumentException if the bytes are not a command this version understands
   */
  public static Txn decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_1) {
        throw new IllegalArgumentException("unknown command version " + version);
      }
      int count = in.readInt();
      if (count < 1 || count > MAX_OPS) {
        throw new IllegalArgumentException("bad operation count " + count);
      }
      List<Op> ops = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ops.add(readOp(in, version));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " trailing bytes after the command");
      }
      return new Txn(ops);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated command: " + e, e);
    }
  }

  private static Op readOp(DataInputStream in, byte version) throws IOException {
    byte type = in.readByte();
    Precondition precondition =
        switch (in.readByte()) {
          case 0 -> Precondition.NONE;
          case 1 -> Precondition.ABSENT;
          case 2 -> Precondition.PRESENT;
          case 3 -> Precondition.modRevision(in.readLong());
          default -> throw new IllegalArgumentException("unknown precondition");
        };
    String key = new String(readBytes(in, MAX_KEY_BYTES), StandardCharsets.UTF_8);
    return switch (type) {
      case PUT -> new Op.Put(key, readBytes(in, Integer.MAX_VALUE), precondition);
      case DELETE -> new Op.Delete(key, precondition);
      case CHECK -> {
        if (version == VERSION_1) {
          throw new IllegalArgumentException("a version 1 command cannot hold a CHECK");
        }
        yield new Op.Check(key, precondition);
      }
      default -> throw new IllegalArgumentException("unknown operation type " + type);
    };
  }

  private static byte[] readBytes(DataInputStream in, int max) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > max || length > in.available()) {
      throw new IllegalArgumentException("bad length " + length);
    }
    return in.readNBytes(length);
  }
}
