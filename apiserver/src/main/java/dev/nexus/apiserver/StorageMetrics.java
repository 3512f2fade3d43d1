package dev.nexus.apiserver;

import dev.nexus.apiserver.storage.raft.HistogramSnapshot;
import dev.nexus.apiserver.storage.raft.StoreMetrics;
import dev.nexus.metrics.CallbackHistogram;
import dev.nexus.metrics.MetricsRegistry;
import java.util.List;
import java.util.Map;

/** Exposes the storage engine's own figures ({@link StoreMetrics}) on {@code /metrics}. */
final class StorageMetrics {
  private StorageMetrics() {}

  static void register(MetricsRegistry registry, StoreMetrics store) {
    registry.histogram(
        "nexus_storage_apply_duration_seconds",
        "Time to apply one Raft entry to LMDB (decode, check preconditions, write, commit).",
        () -> reading(store.applyLatency()));
    registry.histogram(
        "nexus_storage_commit_duration_seconds",
        "Time from submitting a storage transaction to its result (replication and apply).",
        () -> reading(store.commitLatency()));
    registry.gauge(
        "nexus_storage_commit_entries",
        "Raft entries this replica's writes went out in since start (group commit: several"
            + " transactions share one entry under load).",
        () -> (double) store.commitEntries());
    registry.gauge(
        "nexus_storage_commit_transactions",
        "Storage transactions sent through this replica since start.",
        () -> (double) store.committedTransactions());
    registry.gauge(
        "nexus_storage_linearizable_reads",
        "Linearizable reads this replica served since start.",
        () -> (double) store.linearizableReads());
    registry.gauge(
        "nexus_storage_read_index_rounds",
        "Raft read-index rounds those reads needed (readers arriving together share one).",
        () -> (double) store.readIndexRequests());
    registry.gauge(
        "nexus_storage_read_index_client_rounds",
        "Read-index rounds a follower sent through the Raft client: the fallback when asking the"
            + " leader over HTTP is not set up yet or fails.",
        () -> (double) store.clientReadIndexRounds());
    registry.gauge(
        "nexus_storage_revision",
        "The last revision written to LMDB.",
        () -> (double) store.revision());
    registry.gauge(
        "nexus_storage_compacted_revision",
        "Watch history at or below this revision has been compacted away.",
        () -> (double) store.compactedRevision());
    registry.gauge("nexus_raft_term", "The current Raft term.", () -> (double) store.term());
    registry.gauge(
        "nexus_raft_commit_index",
        "The last Raft index known committed.",
        () -> (double) store.commitIndex());
    registry.gauge(
        "nexus_raft_applied_index",
        "The last Raft index applied to the state machine on this replica.",
        () -> (double) store.appliedIndex());
    registry.gauge(
        "nexus_raft_has_leader",
        "1 when this replica knows a leader, else 0.",
        () -> store.leaderId().isPresent() ? 1.0 : 0.0);
    registry.gauge(
        "nexus_raft_members",
        "Members in the current Raft configuration.",
        () -> (double) store.members());
    registry.gauge(
        "nexus_raft_snapshot_index",
        "The Raft index of the latest snapshot on this replica, or -1.",
        () -> (double) store.snapshotIndex());
    registry.gauge(
        "nexus_raft_snapshots_taken",
        "Snapshots this replica took since start (each lets the log be purged up to it).",
        () -> (double) store.snapshotsTaken());
    registry.gauge(
        "nexus_raft_snapshots_installed",
        "Snapshots of the leader installed on this replica since start.",
        () -> (double) store.snapshotsInstalled());
    registry.gauge(
        "nexus_raft_log_bytes",
        "Bytes of Raft log segments on this replica's disk.",
        () -> (double) store.logBytes());
    registry.gauge(
        "nexus_raft_leader_changes",
        "How many times the known leader changed since start.",
        () -> (double) store.leaderChanges());
    registry.gauge(
        "nexus_raft_role",
        "1 for this replica's current Raft role.",
        List.of("role"),
        () -> Map.of(List.of(store.role()), 1.0));
    registry.gauge(
        "nexus_storage_watchers",
        "Watches registered with the storage fan-out.",
        () -> (double) store.watcherCount());
  }

  private static CallbackHistogram.Reading reading(HistogramSnapshot s) {
    return new CallbackHistogram.Reading(
        s.upperBoundsSeconds(), s.cumulativeCounts(), s.count(), s.sumSeconds());
  }
}
