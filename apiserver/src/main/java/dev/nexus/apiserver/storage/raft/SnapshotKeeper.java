package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.lmdb.Durable;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
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
 * Called only from the Raft apply thread, so LMDB does not move while a copy is taken.
 */
final class SnapshotKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotKeeper.class);

  private final SimpleStateMachineStorage storage;
  private final LmdbStore lmdb;
  private final TxnApplier applier;
  private final AtomicLong taken = new AtomicLong();

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

  /** Copies LMDB as the snapshot at {@code at}; returns its index. */
  long take(TermIndex at) throws IOException {
    SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
    if (latest != null && latest.getIndex() >= at.getIndex()) {
      return latest.getIndex();
    }
    if (lmdb.appliedState().index() < at.getIndex()) {
      // The last entries were configuration entries: LMDB must say it reflects them, or a
      // restore would replay them onto a database that claims to be older than its name.
      applier.recordApplied(at.getTerm(), at.getIndex());
    }
    File target = storage.getSnapshotFile(at.getTerm(), at.getIndex());
    Path staging = target.toPath().resolveSibling("copying." + target.getName());
    Files.deleteIfExists(staging);
    long start = System.nanoTime();
    lmdb.copyTo(staging);
    Durable.replace(staging, target.toPath());
    MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(target);
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
}
