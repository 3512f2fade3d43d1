package dev.nexus.apiserver.storage.lmdb;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.WatchEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.CopyFlags;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LMDB environment of one replica: current objects, watch history and what was applied. Reads
 * may come from any thread (the environment is opened with MDB_NOTLS, so virtual threads may hold
 * read transactions); writes come only from the single Raft apply thread through {@link
 * TxnApplier}. The whole environment can be swapped for a snapshot copy ({@link #replaceWith})
 * while readers wait on a lock.
 */
public final class LmdbStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LmdbStore.class);

  /** The open environment and its databases; replaced as a whole on snapshot restore. */
  record Handles(Env<byte[]> env, Dbi<byte[]> objects, Dbi<byte[]> history, Dbi<byte[]> meta) {}

  private final Path file;
  private final LmdbOptions options;
  private final OpenMarker marker;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Semaphore readers;
  private Handles handles; // guarded by lock
  private boolean closed; // guarded by lock

  private LmdbStore(Path file, LmdbOptions options, OpenMarker marker) {
    this.file = file;
    this.options = options;
    this.marker = marker;
    // Leave a few reader slots for internal use (copies, the watch dispatcher).
    this.readers = new Semaphore(options.maxReaders() - 4);
  }

  /**
   * Loads the native LMDB library (jnr-ffi binds it on first use: about 300 ms on a cold JVM) and
   * returns its version. Idempotent; {@link #open} does it too, so calling this early on another
   * thread only takes that time off the path of whoever opens a store.
   */
  public static String loadNativeLibrary() {
    org.lmdbjava.Meta.Version v = org.lmdbjava.Meta.version();
    return v.major + "." + v.minor + "." + v.patch;
  }

  /** Opens (creating if needed) the database in {@code dir}. */
  public static LmdbStore open(Path dir, LmdbOptions options) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("data.mdb");
    OpenMarker marker = new OpenMarker(dir.resolve("OPEN"));
    if (Files.exists(file) && !marker.lastRunTrustworthy()) {
      LOG.warn(
          "{} was not closed cleanly before the machine restarted; rebuilding it from the latest"
              + " snapshot and the Raft log",
          file);
      deleteFiles(file);
    }
    marker.markOpen();
    LmdbStore store = new LmdbStore(file, options, marker);
    store.handles = store.openHandles();
    return store;
  }

  private static void deleteFiles(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(lockFile(file));
  }

  private static Path lockFile(Path file) {
    return file.resolveSibling(file.getFileName() + "-lock");
  }

  private Handles openHandles() throws IOException {
    List<EnvFlags> flags = new ArrayList<>(List.of(EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_NOTLS));
    if (!options.syncEachCommit()) {
      flags.add(EnvFlags.MDB_NOSYNC);
    }

    Env<byte[]> env =
        Env.create(ByteArrayProxy.PROXY_BA)
            .setMapSize(options.mapSizeBytes())
            .setMaxDbs(3)
            .setMaxReaders(options.maxReaders())
            .open(file.toFile(), flags.toArray(EnvFlags[]::new));
    Handles h =
        new Handles(
            env,
            env.openDbi("objects", DbiFlags.MDB_CREATE),
            env.openDbi("history", DbiFlags.MDB_CREATE),
            env.openDbi("meta", DbiFlags.MDB_CREATE));
    try (Txn<byte[]> txn = env.txnWrite()) {
      byte[] format = h.meta().get(txn, Records.META_FORMAT);
      if (format == null) {
        h.meta()
            .put(
                txn,
                Records.META_FORMAT,
                ByteBuffer.allocate(4).putInt(Records.FORMAT_VERSION).array());
      } else if (ByteBuffer.wrap(format).getInt() != Records.FORMAT_VERSION) {
        env.close();
        throw new IOException(
            file
                + " has storage format "
                + ByteBuffer.wrap(format).getInt()
                + ", expected "
                + Records.FORMAT_VERSION);
      }
      txn.commit();
    }
    return h;
  }

  /** Runs {@code fn} in one read transaction. */
  <T> T read(BiFunction<Handles, Txn<byte[]>, T> fn) {
    readers.acquireUninterruptibly();
    lock.readLock().lock();
    try {
      Handles h = requireOpen();
      try (Txn<byte[]> txn = h.env().txnRead()) {
        return fn.apply(h, txn);
      }
    } finally {
      lock.readLock().unlock();
      readers.release();
    }
  }

  /** Runs {@code fn} in one write transaction, committing if it returns normally. */
  <T> T write(BiFunction<Handles, Txn<byte[]>, T> fn) {
    lock.readLock().lock();
    try {
      Handles h = requireOpen();
      try (Txn<byte[]> txn = h.env().txnWrite()) {
        T result = fn.apply(h, txn);
        txn.commit();
        return result;
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private Handles requireOpen() {
    if (closed) {
      throw ApiException.unavailable("storage is closed");
    }
    return handles;
  }

  public Optional<StoredObject> get(String key) {
    byte[] k = Records.key(key);
    if (k.length == 0 || k.length > Records.MAX_KEY_BYTES) {
      return Optional.empty(); // no such key can be stored, and LMDB refuses to look one up
    }
    return read(
        (h, txn) ->
            Optional.ofNullable(Records.decodeObject(h.objects().get(txn, k)))
                .map(r -> r.toStored(key)));
  }

  public AppliedState appliedState() {
    return read(LmdbStore::appliedState);
  }

  static AppliedState appliedState(Handles h, Txn<byte[]> txn) {
    byte[] applied = h.meta().get(txn, Records.META_APPLIED);
    long term = applied == null ? 0 : ByteBuffer.wrap(applied).getLong(0);
    long index = applied == null ? -1 : ByteBuffer.wrap(applied).getLong(8);
    long compacted = Records.decodeLong(h.meta().get(txn, Records.META_COMPACTED), 0);
    return new AppliedState(term, index, compacted);
  }

  /** One page of keys under {@code prefix}, with the applied revision of the same snapshot. */
  public ListPage list(String prefix, String startAfter, int limit) {
    byte[] p = Records.key(prefix);
    byte[] after = startAfter == null ? null : Records.key(startAfter);
    return read(
        (h, txn) -> {
          long revision = Math.max(0, appliedState(h, txn).index()); // -1 when empty
          List<StoredObject> items = new ArrayList<>();
          boolean more = false;
          try (Cursor<byte[]> c = h.objects().openCursor(txn)) {
            boolean fromAfter = after != null && Arrays.compareUnsigned(after, p) >= 0;
            byte[] from = seekable(fromAfter ? after : p);
            // LMDB refuses an empty key; an empty prefix means "from the first key".
            boolean found = from.length == 0 ? c.first() : c.get(from, GetOp.MDB_SET_RANGE);
            while (found && fromAfter && Arrays.compareUnsigned(c.key(), after) <= 0) {
              found = c.next(); // strictly after startAfter
            }
            while (found) {
              byte[] k = c.key();
              if (!startsWith(k, p)) {
                break;
              }
              if (limit > 0 && items.size() == limit) {
                more = true;
                break;
              }
              items.add(
                  Records.decodeObject(c.val())
                      .toStored(new String(k, java.nio.charset.StandardCharsets.UTF_8)));
              found = c.next();
            }
          }
          return new ListPage(List.copyOf(items), revision, more);
        });
  }

  /**
   * History events with revision in {@code (after, to]}, at most about {@code maxEvents} of them
   * (whole revisions only, so a multi-op transaction is never split).
   */
  public HistoryChunk readHistory(long after, long to, int maxEvents) {
    return read(
        (h, txn) -> {
          long compacted = appliedState(h, txn).compactedRevision();
          List<WatchEvent> events = new ArrayList<>();
          long covered = to;
          long lastRevision = after;
          try (Cursor<byte[]> c = h.history().openCursor(txn)) {
            boolean found = c.get(Records.historyKey(after + 1, 0), GetOp.MDB_SET_RANGE);
            while (found) {
              byte[] k = c.key();
              long revision = Records.historyRevision(k);
              if (revision > to) {
                break;
              }
              if (events.size() >= maxEvents && revision != lastRevision) {
                covered = lastRevision;
                break;
              }
              events.add(Records.decodeHistory(k, c.val()));
              lastRevision = revision;
              found = c.next();
            }
          }
          return new HistoryChunk(events, covered, compacted);
        });
  }

  /** LMDB looks up at most 511 bytes; a longer bound is cut (callers skip what precedes it). */
  private static byte[] seekable(byte[] bound) {
    return bound.length <= Records.MAX_KEY_BYTES
        ? bound
        : Arrays.copyOf(bound, Records.MAX_KEY_BYTES);
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Writes a compacted copy of the whole database to {@code target}, which must not exist. */
  public void copyTo(Path target) throws IOException {
    readers.acquireUninterruptibly();
    lock.readLock().lock();
    try {
      requireOpen().env().copy(target.toFile(), CopyFlags.MDB_CP_COMPACT);
    } finally {
      lock.readLock().unlock();
      readers.release();
    }
    Durable.syncFile(target);
  }

  /**
   * Replaces the whole database with {@code snapshot} (a file written by {@link #copyTo}). Readers
   * wait meanwhile; the snapshot file itself is left in place.
   */
  public void replaceWith(Path snapshot) throws IOException {
    Path staged = file.resolveSibling(file.getFileName() + ".restore");
    Files.copy(snapshot, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    lock.writeLock().lock();
    try {
      Handles old = requireOpen();
      old.env().close();
      Durable.replace(staged, file);
      Files.deleteIfExists(lockFile(file));
      handles = openHandles();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Flushes every committed transaction to disk. */
  public void sync() {
    lock.readLock().lock();
    try {
      requireOpen().env().sync(true);
    } finally {
      lock.readLock().unlock();
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.env().sync(true);
      handles.env().close();
      marker.markClosed();
    } catch (IOException e) {
      LOG.warn("could not record a clean close of {}: {}", file, e.toString());
    } finally {
      lock.writeLock().unlock();
    }
  }
}
