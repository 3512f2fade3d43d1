package dev.nexus.apiserver.storage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The storage every API server replica uses: a Ratis group whose state machine is LMDB.
 * Implementations are thread-safe; reads and watches may be served by any replica.
 */
public interface Store extends AutoCloseable {

  /** Replicates and applies {@code txn}; completes once it is durable on a majority and applied. */
  CompletableFuture<TxnResult> commit(Txn txn);

  Optional<StoredObject> get(String key, Consistency consistency);

  /**
   * Keys starting with {@code prefix}, in key order, strictly after {@code startAfter} (null for
   * the first page), at most {@code limit} of them (0 for no limit).
   */
  ListPage list(String prefix, String startAfter, int limit, Consistency consistency);

  /** The last applied revision of this replica. */
  long revision();

  /** The oldest revision a watch may still start from (older ones answer 410 Gone). */
  long oldestWatchableRevision();

  /**
   * Delivers every event with revision greater than {@code afterRevision} whose key starts with
   * {@code prefix} and passes {@code filter}, exactly once, in revision order: first from history,
   * then live. Throws {@link dev.nexus.api.error.ApiException} 410 if {@code afterRevision} is
   * older than the retained history. Events go to {@code sink} from a shared dispatcher: the sink
   * must not block (queue and return).
   */
  WatchRegistration watch(
      String prefix, long afterRevision, Predicate<WatchEvent> filter, WatchSink sink);

  /** Whether the store can serve: it has a leader and has applied what the leader committed. */
  boolean ready();

  /** Null when {@link #ready()}; otherwise a short reason, such as "no leader". */
  default String notReadyReason() {
    return ready() ? null : "storage is not ready";
  }

  @Override
  void close();
}
