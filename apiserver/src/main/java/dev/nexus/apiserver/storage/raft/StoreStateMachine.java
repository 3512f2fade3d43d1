package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.command.CommandCodec;
import dev.nexus.apiserver.storage.lmdb.ApplyOutcome;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import dev.nexus.apiserver.storage.watch.WatchHub;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.util.LifeCycle;

/**
 * The Ratis state machine: each log entry is a {@link Txn} applied to LMDB by {@link TxnApplier};
 * its revision is the entry's log index.
 *
 * <p>Two applied positions exist. LMDB records the last entry written into it (durably across
 * restarts); Ratis's own position ({@link #getLastAppliedTermIndex()}) is where Ratis has fed this
 * machine in the current run. After a restart Ratis replays the log from the latest snapshot, which
 * may be behind LMDB: entries at or below LMDB's index are skipped, so replay is cheap and
 * idempotent. Snapshots and restores live in {@link SnapshotKeeper}.
 */
final class StoreStateMachine extends BaseStateMachine {
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final LmdbStore lmdb;
  private final TxnApplier applier;
  private final WatchHub hub;
  private final LatencyHistogram applyLatency;
  private final AtomicLong revision = new AtomicLong(-1);
  private final AtomicLong compacted = new AtomicLong();
  private final AtomicLong leaderChanges = new AtomicLong();
  private SnapshotKeeper snapshots;

  StoreStateMachine(
      LmdbStore lmdb, long historyWindow, WatchHub hub, LatencyHistogram applyLatency) {
    this.lmdb = lmdb;
    this.applier = new TxnApplier(lmdb, historyWindow);
    this.hub = hub;
    this.applyLatency = applyLatency;
    var state = lmdb.appliedState();
    revision.set(state.index());
    compacted.set(state.compactedRevision());
  }

  /** The last revision in LMDB. */
  long revision() {
    return revision.get();
  }

  long compactedRevision() {
    return compacted.get();
  }

  long leaderChanges() {
    return leaderChanges.get();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
    leaderChanges.incrementAndGet();
  }

  SnapshotKeeper snapshots() {
    return snapshots;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              super.initialize(server, groupId, raftStorage);
              storage.init(raftStorage);
              snapshots = new SnapshotKeeper(storage, lmdb, applier);
              load();
            },
            IOException.class);
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  @Override
  public void reinitialize() throws IOException {
    // A snapshot was installed from the leader: LMDB jumps forward, so every watch would miss the
    // jump; they end and clients resume from their last revision against the new history.
    load();
    hub.reset(revision.get(), "this replica was reloaded from a snapshot of the leader");
    if (getLifeCycleState() == LifeCycle.State.PAUSED) {
      getLifeCycle().transition(LifeCycle.State.STARTING);
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  private void load() throws IOException {
    TermIndex restored = snapshots.restoreIfBehind();
    var state = lmdb.appliedState();
    revision.set(state.index());
    compacted.set(state.compactedRevision());
    setLastAppliedTermIndex(restored == null ? TermIndex.INITIAL_VALUE : restored);
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    TransactionContext trx = super.startTransaction(request);
    try {
      trx.setStateMachineContext(
          CommandCodec.decode(request.getMessage().getContent().toByteArray()));
    } catch (IllegalArgumentException e) {
      trx.setException(new StateMachineException("invalid storage command: " + e.getMessage()));
    }
    return trx;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    if (index <= revision.get()) {
      // Replay of an entry LMDB already holds: nobody waits for its answer.
      advance(entry.getTerm(), index);
      return CompletableFuture.completedFuture(Message.EMPTY);
    }
    long start = System.nanoTime();
    Txn txn =
        trx.getStateMachineContext() instanceof Txn t
            ? t
            : CommandCodec.decode(entry.getStateMachineLogEntry().getLogData().toByteArray());
    ApplyOutcome outcome = applier.apply(entry.getTerm(), index, txn.ops());
    revision.set(index);
    compacted.set(outcome.compactedRevision());
    advance(entry.getTerm(), index);
    hub.publish(index, outcome.events());
    applyLatency.observeNanos(System.nanoTime() - start);
    return CompletableFuture.completedFuture(new ResultMessage(outcome.result()));
  }

  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    advance(term, index);
  }

  private void advance(long term, long index) {
    if (index > getLastAppliedTermIndex().getIndex()) {
      updateLastAppliedTermIndex(term, index);
    }
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    // Linearizable reads go through Ratis only for the read index; the data is read from LMDB
    // by the caller once this completes.
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex fed = getLastAppliedTermIndex();
    if (fed.getIndex() < revision.get()) {
      return RaftLog.INVALID_LOG_INDEX; // still replaying entries LMDB already holds
    }
    return snapshots.take(fed);
  }
}
