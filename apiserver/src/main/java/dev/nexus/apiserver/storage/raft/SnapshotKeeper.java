package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.lmdb.Durable;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots are compacted LMDB copies in the Ratis state machine directory, named {@code
 * snapshot.<term>_<index>} with a {@code .md5} beside them (Ratis's {@link
 * SimpleStateMachineStorage} convention, so Ratis can ship them to a follower that needs one).
 * Copies are taken in the background (see {@link #take}) so applies go on meanwhile.
 */
final class SnapshotKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotKeeper.class);

  private final SimpleStateMachineStorage storage;
  private final LmdbStore lmdb;
  private final TxnApplier applier;
  private final AtomicLong taken = new AtomicLong();
  private final ExecutorService copier =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("nexus-snapshot").daemon().factory());
  private volatile CompletableFuture<Long> inProgress;

  SnapshotKeeper(SimpleStateMachineStorage storage, LmdbStore lmdb, TxnApplier applier) {
    this.storage = storage;
    this.lmdb = lmdb;
    this.applier = applier;
  }

  long taken() {
    return taken.get();
  }

  long latestIndex() {
    SingleFileSnapshotInfo s = storage.getLatestSnapshot();
    return s == null ? -1 : s.getIndex();
  }

  /**
   * Makes LMDB at least as new as the latest snapshot on disk (after a restart with a lost or stale
   * LMDB, or after a snapshot was installed from the leader).
   *
   * @return the latest snapshot's position, where Ratis resumes applying, or null if none exists
   */
  TermIndex restoreIfBehind() throws IOException {
    SingleFileSnapshotInfo latest = storage.loadLatestSnapshot();
    if (latest == null) {
      return null;
    }
    awaitIdle();
    long applied = lmdb.appliedState().index();
    if (latest.getIndex() > applied) {
      Path file = latest.getFile().getPath();
      MD5Hash digest = latest.getFile().getFileDigest();
      if (digest != null) {
        MD5FileUtil.verifySavedMD5(file.toFile(), digest);
      }
      LOG.info("loading snapshot {} into {} (LMDB was at index {})", file, lmdb.file(), applied);
      lmdb.replaceWith(file);
    }
    return latest.getTermIndex();
  }

  /**
   * Ratis asks for a snapshot at {@code at} (everything up to it is applied; called on the Raft
   * apply thread). Copying a large LMDB takes seconds, and Ratis blocks applies while this method
   * runs, so the copy runs in the background and this returns at once:
   *
   * <ul>
   *   <li>no copy running: start one, return -1 (no new snapshot yet; Ratis purges nothing);
   *   <li>a copy running: return -1 again (Ratis keeps asking while it is due);
   *   <li>a copy finished: return its index, so Ratis records it and purges the log up to it.
   * </ul>
   *
   * The copy's read transaction starts after {@code at} was applied, so it holds at least the state
   * at {@code at}, perhaps a little more; its {@code applied} meta record says exactly what, and
   * replay after a restore skips what it already holds. A failed copy is rethrown here.
   */
  long take(TermIndex at) throws IOException {
    SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
    CompletableFuture<Long> running = inProgress;
    if (running != null) {
      if (!running.isDone()) {
        return RaftLog.INVALID_LOG_INDEX;
      }
      inProgress = null;
      try {
        return running.join();
      } catch (CompletionException e) {
        throw new IOException(
            "taking a snapshot failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
    if (latest != null && latest.getIndex() >= at.getIndex()) {
      return latest.getIndex();
    }
    if (lmdb.appliedState().index() < at.getIndex()) {
      // The last entries were configuration entries: LMDB must say it reflects them, or a
      // restore would claim to be older than the snapshot's name.
      applier.recordApplied(at.getTerm(), at.getIndex());
    }
    inProgress =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return copy(at);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            copier);
    return RaftLog.INVALID_LOG_INDEX;
  }

  private long copy(TermIndex at) throws IOException {
    File target = storage.getSnapshotFile(at.getTerm(), at.getIndex());
    Path staging = target.toPath().resolveSibling("copying." + target.getName());
    Files.deleteIfExists(staging);
    long start = System.nanoTime();
    lmdb.copyTo(staging);
    // The checksum file goes first: Ratis scans this directory and complains about (and would
    // not prefer) a snapshot without one.
    MD5Hash md5 = MD5FileUtil.computeMd5ForFile(staging.toFile());
    MD5FileUtil.saveMD5File(target, md5);
    Durable.replace(staging, target.toPath());
    storage.updateLatestSnapshot(
        new SingleFileSnapshotInfo(new FileInfo(target.toPath(), md5), at));
    taken.incrementAndGet();
    LOG.info(
        "snapshot {} written ({} bytes, {} ms)",
        target,
        Files.size(target.toPath()),
        (System.nanoTime() - start) / 1_000_000);
    return at.getIndex();
  }

  /** Waits for a running copy (before LMDB is replaced or closed). */
  void awaitIdle() {
    CompletableFuture<Long> running = inProgress;
    if (running != null) {
      try {
        running.join();
      } catch (CompletionException e) {
        // reported by the next take()
      }
    }
  }

  @Override
  public void close() {
    awaitIdle();
    copier.shutdown();
  }
}
