package dev.nexus.apiserver.storage.raft;

import java.util.Optional;

/**
 * Live figures of one replica for {@code /metrics} and {@code /readyz}. Every getter reads current
 * values and is cheap enough to call on each scrape.
 */
public interface StoreMetrics {
  /** LEADER, FOLLOWER, CANDIDATE, LISTENER, or UNKNOWN before the server runs. */
  String role();

  /** The current Raft term. */
  long term();

  /** The id of the leader this replica knows of. */
  Optional<String> leaderId();

  /** How many times the known leader changed since start. */
  long leaderChanges();

  /** The last log index known committed. */
  long commitIndex();

  /** The last log index applied to the state machine (Raft's view, including non-data entries). */
  long appliedIndex();

  /** The last revision written into LMDB. */
  long revision();

  /** Every watch event at or below this revision has been compacted away. */
  long compactedRevision();

  /** The index of the latest snapshot, or -1. */
  long snapshotIndex();

  /** Snapshots taken by this replica since start. */
  long snapshotsTaken();

  /**
   * Snapshots of the leader installed on this replica since start (it had fallen behind a purge).
   */
  long snapshotsInstalled();

  /** Bytes of Raft log segments on this replica's disk (bounded by snapshots and purging). */
  long logBytes();

  /** How many members the current Raft configuration has (0 before a joining member is added). */
  int members();

  /** Open watches. */
  int watcherCount();

  /** Time to apply one entry to LMDB (decode, check, write, commit). */
  HistogramSnapshot applyLatency();

  /** Time from {@code commit} being called to its result, as a client of the store sees it. */
  HistogramSnapshot commitLatency();

  /** Linearizable reads served. */
  long linearizableReads();

  /** Raft read-index round trips those reads needed (coalesced: far fewer than the reads). */
  long readIndexRequests();

  /**
   * Of those rounds on a follower, how many went through the Raft client: the fallback when the
   * {@link LeaderReadIndex} path is not set up yet or fails.
   */
  long clientReadIndexRounds();

  /** Raft entries this replica's writes went out in (group commit: fewer than transactions). */
  long commitEntries();

  /** Transactions committed through this replica (successful or refused by a precondition). */
  long committedTransactions();
}
