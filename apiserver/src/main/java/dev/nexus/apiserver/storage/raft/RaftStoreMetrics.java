package dev.nexus.apiserver.storage.raft;

import java.util.Optional;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/** {@link StoreMetrics} read live from the Raft division, the state machine and the store. */
final class RaftStoreMetrics implements StoreMetrics {
  private final RaftStore store;
  private final RaftServer.Division division;
  private final StoreStateMachine stateMachine;
  private final LatencyHistogram applyLatency;

  RaftStoreMetrics(
      RaftStore store,
      RaftServer.Division division,
      StoreStateMachine stateMachine,
      LatencyHistogram applyLatency) {
    this.store = store;
    this.division = division;
    this.stateMachine = stateMachine;
    this.applyLatency = applyLatency;
  }

  private DivisionInfo info() {
    return division.getInfo();
  }

  @Override
  public String role() {
    var role = info().getCurrentRole();
    return role == null ? "UNKNOWN" : role.name();
  }

  @Override
  public long term() {
    return info().getCurrentTerm();
  }

  @Override
  public Optional<String> leaderId() {
    return Optional.ofNullable(info().getLeaderId()).map(RaftPeerId::toString);
  }

  @Override
  public long leaderChanges() {
    return stateMachine.leaderChanges();
  }

  @Override
  public long commitIndex() {
    return division.getRaftLog().getLastCommittedIndex();
  }

  @Override
  public long appliedIndex() {
    return info().getLastAppliedIndex();
  }

  @Override
  public long revision() {
    return stateMachine.revision();
  }

  @Override
  public long compactedRevision() {
    return stateMachine.compactedRevision();
  }

  @Override
  public long snapshotIndex() {
    SnapshotKeeper s = stateMachine.snapshots();
    return s == null ? -1 : s.latestIndex();
  }

  @Override
  public long snapshotsTaken() {
    SnapshotKeeper s = stateMachine.snapshots();
    return s == null ? 0 : s.taken();
  }

  @Override
  public long snapshotsInstalled() {
    return stateMachine.snapshotsInstalled();
  }

  @Override
  public long logBytes() {
    return store.logBytes();
  }

  @Override
  public int members() {
    return division.getRaftConf().getCurrentPeers().size();
  }

  @Override
  public int watcherCount() {
    return store.watcherCount();
  }

  @Override
  public HistogramSnapshot applyLatency() {
    return applyLatency.snapshot();
  }

  @Override
  public HistogramSnapshot commitLatency() {
    return store.commitLatency();
  }

  @Override
  public long linearizableReads() {
    return store.linearizableReads();
  }

  @Override
  public long readIndexRequests() {
    return store.readIndexRequests();
  }

  @Override
  public long clientReadIndexRounds() {
    return store.clientReadIndexRounds();
  }

  @Override
  public long commitEntries() {
    return store.commitEntries();
  }

  @Override
  public long committedTransactions() {
    return store.committedTransactions();
  }
}
