package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.lmdb.ApplyOutcome;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import dev.nexus.apiserver.storage.lmdb.TxnApplier.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.ratis.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies entries to LMDB on its own thread, many per LMDB transaction. Ratis hands entries over in
 * log order from its single apply thread and gets a future per entry; this thread takes whatever
 * has queued up (up to {@link #MAX_BATCH} Raft entries), applies it in one write transaction, and
 * completes the futures in order. A Raft entry may carry several transactions (group commit): it is
 * submitted as one {@link Entry} per transaction, all with the entry's index, and its future
 * completes with all their results. Under load one LMDB commit (the costly part) serves dozens of
 * entries; idle, an entry is applied alone at once. Ratis counts an entry applied, replies to its
 * client, and lets linearizable reads past it only when its future completes, so nothing observes a
 * half-applied state; Ratis waits for all futures before taking a snapshot.
 */
final class ApplyPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyPipeline.class);
  static final int MAX_BATCH = 256;

  /** The transactions of one Raft entry with its future. */
  private record Pending(List<Entry> entries, CompletableFuture<Message> done) {}

  /** What happened to each entry of a batch, in order, after the LMDB commit. */
  interface Listener {
    void applied(List<Entry> entries, List<ApplyOutcome> outcomes, long nanos);
  }

  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final TxnApplier applier;
  private final Listener listener;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  ApplyPipeline(TxnApplier applier, Listener listener) {
    this.applier = applier;
    this.listener = listener;
    this.thread = Thread.ofPlatform().name("nexus-apply").daemon().unstarted(this::run);
    thread.start();
  }

  /** Queues the transactions of one Raft entry; completes with a {@link ResultMessage}. */
  CompletableFuture<Message> submit(List<Entry> entry) {
    CompletableFuture<Message> done = new CompletableFuture<>();
    if (failure != null) {
      done.completeExceptionally(failure);
      return done;
    }
    if (!running) {
      done.completeExceptionally(new IllegalStateException("the apply pipeline is stopped"));
      return done;
    }
    queue.add(new Pending(entry, done));
    return done;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        if (queue.isEmpty()) {
          return;
        }
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      applyBatch(batch);
      batch.clear();
    }
  }

  /** Why this replica stopped applying, if it did. */
  RuntimeException failure() {
    return failure;
  }

  private void applyBatch(List<Pending> batch) {
    if (failure != null) {
      batch.forEach(p -> p.done().completeExceptionally(failure));
      return;
    }
    List<Entry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      entries.addAll(p.entries());
    }
    long start = System.nanoTime();
    List<ApplyOutcome> outcomes;
    try {
      outcomes = applier.applyAll(entries);
    } catch (RuntimeException e) {
      // Deterministic failures cannot happen (preconditions are results, not errors); this is
      // LMDB itself failing (disk full, map full). Ratis would count the entries applied anyway
      // and go on, so this replica stops applying for good (fail-stop): it reports not ready and
      // refuses reads; a restart replays the log from LMDB's last commit once the cause is fixed.
      failure =
          new IllegalStateException(
              "applying entries "
                  + entries.getFirst().index()
                  + ".."
                  + entries.getLast().index()
                  + " to LMDB failed: "
                  + e,
              e);
      LOG.error("storage stopped applying: {}", failure.getMessage(), e);
      for (Pending p : batch) {
        p.done().completeExceptionally(failure);
      }
      return;
    }
    listener.applied(entries, outcomes, System.nanoTime() - start);
    int next = 0;
    for (Pending p : batch) {
      List<TxnResult> results = new ArrayList<>(p.entries().size());
      for (int i = 0; i < p.entries().size(); i++) {
        results.add(outcomes.get(next++).result());
      }
      p.done().complete(new ResultMessage(results));
    }
  }

  /** Applies what is queued, then stops the thread. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
