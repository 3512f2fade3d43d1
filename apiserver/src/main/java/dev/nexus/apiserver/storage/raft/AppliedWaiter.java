package dev.nexus.apiserver.storage.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Lets readers wait until this replica has applied (written to LMDB, or found nothing to write for)
 * every log entry up to an index. Ratis's own applied index runs ahead of LMDB while the apply
 * pipeline works, so followers waiting for a leader's index wait here instead.
 */
final class AppliedWaiter {
  private long applied = -1; // guarded by this
  private final TreeMap<Long, List<CompletableFuture<Void>>> waiting = new TreeMap<>();

  synchronized long applied() {
    return applied;
  }

  /** Completes once everything up to {@code index} is applied. */
  CompletableFuture<Void> await(long index) {
    synchronized (this) {
      if (index > applied) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.computeIfAbsent(index, i -> new ArrayList<>(2)).add(f);
        return f;
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Everything up to {@code index} is applied; indexes never move back. */
  void advance(long index) {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    synchronized (this) {
      if (index <= applied) {
        return;
      }
      applied = index;
      Map<Long, List<CompletableFuture<Void>>> due = waiting.headMap(index, true);
      due.values().forEach(ready::addAll);
      due.clear();
    }
    ready.forEach(f -> f.complete(null));
  }
}
