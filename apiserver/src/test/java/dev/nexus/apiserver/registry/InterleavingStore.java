package dev.nexus.apiserver.registry;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A real store that can run one action just before it forwards the next commit: the exact
 * interleaving of a race (another client's write landing between a request's read and its write),
 * made deterministic. Everything else goes straight to the store underneath.
 */
final class InterleavingStore implements Store {
  private final Store store;
  private final AtomicReference<Runnable> beforeNextCommit = new AtomicReference<>();

  InterleavingStore(Store store) {
    this.store = store;
  }

  /** Runs {@code action} once, before the next commit reaches the store. */
  void beforeNextCommit(Runnable action) {
    beforeNextCommit.set(action);
  }

  @Override
  public CompletableFuture<TxnResult> commit(Txn txn) {
    Runnable action = beforeNextCommit.getAndSet(null);
    if (action != null) {
      action.run(); // may commit through this store itself: the action is already disarmed
    }
    return store.commit(txn);
  }

  @Override
  public Optional<StoredObject> get(String key, Consistency consistency) {
    return store.get(key, consistency);
  }

  @Override
  public ListPage list(String prefix, String startAfter, int limit, Consistency consistency) {
    return store.list(prefix, startAfter, limit, consistency);
  }

  @Override
  public long revision() {
    return store.revision();
  }

  @Override
  public long oldestWatchableRevision() {
    return store.oldestWatchableRevision();
  }

  @Override
  public WatchRegistration watch(
      String prefix, long afterRevision, Predicate<WatchEvent> filter, WatchSink sink) {
    return store.watch(prefix, afterRevision, filter, sink);
  }

  @Override
  public boolean ready() {
    return store.ready();
  }

  @Override
  public void close() {
    store.close();
  }
}
