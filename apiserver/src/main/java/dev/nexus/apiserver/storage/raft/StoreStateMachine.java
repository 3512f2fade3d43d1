package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.command.BatchCodec;
import dev.nexus.apiserver.storage.lmdb.ApplyOutcome;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import dev.nexus.apiserver.storage.lmdb.TxnApplier.Entry;
import dev.nexus.apiserver.storage.watch.WatchHub;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;

/**
 * The Ratis state machine: each log entry carries one or more independent {@link Txn}s ({@link
 * BatchCodec}), applied to LMDB in order by {@link TxnApplier}; their revision is the entry's log
 * index. Entries are handed to the {@link ApplyPipeline}, which applies whatever has queued up in
 * one LMDB transaction; Ratis treats an entry as applied when its future completes.
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
  private final AtomicLong snapshotsInstalled = new AtomicLong();
  private final ApplyPipeline pipeline;
  private volatile CompletableFuture<Message> lastSubmitted =
      CompletableFuture.completedFuture(null);
  private volatile long skipThrough;
  private final AppliedWaiter appliedWaiter = new AppliedWaiter();
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
    this.pipeline = new ApplyPipeline(applier, this::applied);
  }

  /**
   * Called on the apply thread after each LMDB commit, in log order. The transactions of one Raft
   * entry share its index: their events reach the watches as one change, in op order.
   */
  private void applied(List<Entry> entries, List<ApplyOutcome> outcomes, long nanos) {
    revision.set(entries.getLast().index());
    appliedWaiter.advance(entries.getLast().index());
    compacted.set(outcomes.getLast().compactedRevision());
    List<WatchHub.Change> changes = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); ) {
      long index = entries.get(i).index();
      List<WatchEvent> events = outcomes.get(i).events();
      int j = i + 1;
      if (j < entries.size() && entries.get(j).index() == index) {
        events = new ArrayList<>(events);
        for (; j < entries.size() && entries.get(j).index() == index; j++) {
          events.addAll(outcomes.get(j).events());
        }
      }
      changes.add(new WatchHub.Change(index, events));
      i = j;
    }
    hub.publish(changes);
    long each = nanos / entries.size();
    for (int i = 0; i < entries.size(); i++) {
      applyLatency.observeNanos(each);
    }
  }

  /** The last revision in LMDB. */
  long revision() {
    return Math.max(0, revision.get()); // -1 while LMDB is empty
  }

  long compactedRevision() {
    return compacted.get();
  }

  /** Snapshots of the leader installed here since start. */
  long snapshotsInstalled() {
    return snapshotsInstalled.get();
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
              // LMDB may have jumped to a snapshot: the ring must not claim the gap.
              hub.reset(revision(), "storage was loaded from a snapshot");
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
    snapshotsInstalled.incrementAndGet();
    hub.reset(revision(), "this replica was reloaded from a snapshot of the leader");
    if (getLifeCycleState() == LifeCycle.State.PAUSED) {
      getLifeCycle().transition(LifeCycle.State.STARTING);
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  private void load() throws IOException {
    lastSubmitted.join(); // LMDB must be quiet before it may be replaced
    TermIndex restored = snapshots.restoreIfBehind();
    var state = lmdb.appliedState();
    revision.set(state.index());
    compacted.set(state.compactedRevision());
    skipThrough = state.index();
    appliedWaiter.advance(Math.max(state.index(), restored == null ? -1 : restored.getIndex()));
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
          new Decoded(BatchCodec.decode(request.getMessage().getContent().toByteArray())));
    } catch (IllegalArgumentException e) {
      trx.setException(new StateMachineException("invalid storage command: " + e.getMessage()));
    }
    return trx;
  }

  /** The transactions of an entry, decoded once when the leader accepts it. */
  private record Decoded(List<Txn> txns) {}

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    advance(entry.getTerm(), index);
    if (index <= skipThrough) {
      // Replay of an entry LMDB already holds: nobody waits for its answer.
      appliedAfterPending(index);
      return CompletableFuture.completedFuture(Message.EMPTY);
    }
    List<Txn> txns =
        trx.getStateMachineContext() instanceof Decoded d
            ? d.txns()
            : BatchCodec.decode(entry.getStateMachineLogEntry().getLogData().toByteArray());
    List<Entry> entries = new ArrayList<>(txns.size());
    int firstOp = 0; // history records of one index are told apart by op position
    for (Txn txn : txns) {
      entries.add(new Entry(entry.getTerm(), index, txn.ops(), firstOp));
      firstOp += txn.ops().size();
    }
    CompletableFuture<Message> done = pipeline.submit(entries);
    lastSubmitted = done;
    return done;
  }

  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    advance(term, index);
    appliedAfterPending(index);
  }

  /** An entry with nothing to write counts as applied once the entries before it are. */
  private void appliedAfterPending(long index) {
    CompletableFuture<Message> pending = lastSubmitted;
    if (pending.isDone()) {
      appliedWaiter.advance(index);
    } else {
      pending.whenComplete((m, e) -> appliedWaiter.advance(index));
    }
  }

  /** Why this replica stopped applying entries (fail-stop), or null. */
  RuntimeException applyFailure() {
    return pipeline.failure();
  }

  /** The last log index this replica has applied (written to LMDB, or found nothing to write). */
  long appliedIndex() {
    return appliedWaiter.applied();
  }

  /** Completes once every entry up to {@code index} is in LMDB. */
  CompletableFuture<Void> awaitApplied(long index) {
    return appliedWaiter.await(index);
  }

  private void advance(long term, long index) {
    if (index > getLastAppliedTermIndex().getIndex()) {
      updateLastAppliedTermIndex(term, index);
    }
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    // Linearizable reads go through Ratis only for the read index; the data is read from LMDB
    // by the caller once this completes. A follower asks the leader for its applied index
    // (at least the read index, since Ratis calls this only after applying up to it) and then
    // waits to apply that much itself.
    if (RaftGateway.APPLIED_INDEX_QUERY.equals(request.getContent())) {
      return CompletableFuture.completedFuture(
          Message.valueOf(
              UnsafeByteOperations.unsafeWrap(
                  ByteBuffer.allocate(8).putLong(appliedWaiter.applied()).array())));
    }
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public void close() throws IOException {
    pipeline.close();
    if (snapshots != null) {
      snapshots.close();
    }
    super.close();
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex fed = getLastAppliedTermIndex();
    if (fed.getIndex() < skipThrough) {
      return RaftLog.INVALID_LOG_INDEX; // still replaying entries LMDB already holds
    }
    return snapshots.take(fed);
  }
}
