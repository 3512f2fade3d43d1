package dev.nexus.apiserver.registry;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.apiserver.concurrent.CoarseTimeouts;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The registry's view of the {@link Store}: blocking calls (handlers run on virtual threads), and
 * storage failures turned into API errors (503 while the store cannot serve, 504 when a commit
 * takes too long).
 */
final class StoreAccess {
  private final Store store;
  private final Duration commitTimeout;

  StoreAccess(Store store, Duration commitTimeout) {
    this.store = store;
    this.commitTimeout = commitTimeout;
  }

  Store store() {
    return store;
  }

  TxnResult commit(Txn txn) {
    try {
      // Untimed, bounded by CoarseTimeouts: a timed wait would arm a JDK timer per write.
      return CoarseTimeouts.within(store.commit(txn), commitTimeout).join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw translate(e.getCause() == null ? e : e.getCause());
      }
      throw new ApiException(
          new Status(
              504,
              "Timeout",
              "storage did not apply the write within "
                  + commitTimeout.toSeconds()
                  + "s; it may still apply: read the object before retrying",
              null));
    }
  }

  Optional<StoredObject> get(String key, Consistency consistency) {
    try {
      return store.get(key, consistency);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Reads for a write: first from this replica (no Raft round trip), and again linearizably only
   * when the local answer would refuse the request ({@code acceptable} false) or when {@code
   * linearizable} is asked for (a retry after a lost race). The write's precondition makes a stale
   * local read harmless: the commit fails and the next attempt reads linearizably; the re-check
   * keeps a lagging replica from answering 404 or 409 for something that is already there.
   */
  Optional<StoredObject> getForWrite(
      String key, boolean linearizable, Predicate<Optional<StoredObject>> acceptable) {
    if (!linearizable) {
      Optional<StoredObject> local = get(key, Consistency.LOCAL);
      if (acceptable.test(local)) {
        return local;
      }
    }
    return get(key, Consistency.LINEARIZABLE);
  }

  ListPage list(String prefix, String startAfter, int limit, Consistency consistency) {
    try {
      return store.list(prefix, startAfter, limit, consistency);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  WatchRegistration watch(
      String prefix, long afterRevision, Predicate<WatchEvent> filter, WatchSink sink) {
    try {
      return store.watch(prefix, afterRevision, filter, sink);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private static RuntimeException translate(Throwable t) {
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof CompletionException && t.getCause() != null) {
      return translate(t.getCause());
    }
    // The store's own failure (no leader, closed, I/O): the request may be retried later.
    return new StorageFailure("storage failed: " + t.getClass().getSimpleName(), t);
  }

  /** A storage error that is not the client's fault; the HTTP layer logs it and answers 503. */
  static final class StorageFailure extends ApiException {
    private static final long serialVersionUID = 1L;

    StorageFailure(String message, Throwable cause) {
      super(new Status(503, "ServiceUnavailable", message + "; retry later", null));
      initCause(cause);
    }
  }
}
