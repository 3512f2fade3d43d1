package dev.nexus.apiserver.storage.raft;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.command.BatchCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: concurrent, independent transactions share one Raft entry, so Ratis's cost per
 * entry (request bookkeeping, log append, the hops between its threads) is paid once per batch
 * rather than once per write. While fewer than {@code maxInFlight} entries are on their way, a
 * transaction is sent at once, alone: an idle store answers as fast as without batching. Otherwise
 * it waits, and when an entry completes everything that queued meanwhile goes out as the next one
 * (up to {@code maxTxns} transactions and {@code maxBytes}). Under load the batch size follows the
 * load by itself, with no timer.
 *
 * <p>Every transaction of an entry keeps its own preconditions and gets its own result; they apply
 * in order at the entry's index, which is therefore the revision of all of them (see {@link
 * BatchCodec}).
 */
final class CommitBatcher implements AutoCloseable {
  /** Replicates one entry (a {@link BatchCodec} command); completes with its results, in order. */
  @FunctionalInterface
  interface Sender {
    CompletableFuture<List<TxnResult>> send(byte[] entry);
  }

  private record Pending(byte[] command, CompletableFuture<TxnResult> done) {}

  private final Sender sender;
  private final int maxInFlight;
  private final int maxTxns;
  private final int maxBytes;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>(); // guarded by this
  private int inFlight; // guarded by this
  private boolean closed; // guarded by this
  private final LongAdder entries = new LongAdder();
  private final LongAdder txns = new LongAdder();

  CommitBatcher(Sender sender, int maxInFlight, int maxTxns, int maxBytes) {
    if (maxInFlight < 1 || maxTxns < 1 || maxTxns > BatchCodec.MAX_TXNS) {
      throw new IllegalArgumentException(
          "maxInFlight must be >= 1 and maxTxns within 1.." + BatchCodec.MAX_TXNS);
    }
    this.sender = sender;
    this.maxInFlight = maxInFlight;
    this.maxTxns = maxTxns;
    this.maxBytes = maxBytes;
  }

  /**
   * Commits one transaction, encoded by {@link dev.nexus.apiserver.storage.command.CommandCodec}.
   */
  CompletableFuture<TxnResult> submit(byte[] command) {
    Pending p = new Pending(command, new CompletableFuture<>());
    List<Pending> batch;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(ApiException.unavailable("storage is closed"));
      }
      queue.add(p);
      batch = takeIfFree();
    }
    if (batch != null) {
      send(batch);
    }
    return p.done();
  }

  /** Entries sent so far. */
  long entries() {
    return entries.sum();
  }

  /** Transactions sent so far (in {@link #entries()} entries). */
  long transactions() {
    return txns.sum();
  }

  /** The next batch if an entry may be sent now; the caller must send it. Holds the lock. */
  private List<Pending> takeIfFree() {
    if (inFlight >= maxInFlight || queue.isEmpty()) {
      return null;
    }
    inFlight++;
    List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxTxns));
    long bytes = 0;
    while (!queue.isEmpty() && batch.size() < maxTxns) {
      int length = queue.peek().command().length;
      if (!batch.isEmpty() && BatchCodec.encodedSize(batch.size() + 1, bytes + length) > maxBytes) {
        break;
      }
      batch.add(queue.poll());
      bytes += length;
    }
    return batch;
  }

  /**
   * Sends {@code batch}, and the batches after it for as long as replies come back at once (a
   * failing store), in a loop rather than by recursion.
   */
  private void send(List<Pending> batch) {
    while (batch != null) {
      CompletableFuture<List<TxnResult>> replies = dispatch(batch);
      List<Pending> sent = batch;
      if (!replies.isDone()) {
        replies.whenComplete((results, error) -> answered(sent, results, error));
        return;
      }
      batch = afterEntry();
      replies.whenComplete((results, error) -> complete(sent, results, error));
    }
  }

  private CompletableFuture<List<TxnResult>> dispatch(List<Pending> batch) {
    entries.increment();
    txns.add(batch.size());
    try {
      List<byte[]> commands = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        commands.add(p.command());
      }
      return sender.send(BatchCodec.encode(commands));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * An entry was answered, on whatever thread completed it: possibly one of Ratis's, holding its
   * locks, where sending a request could deadlock. So the next entry goes out from a thread of its
   * own, handed over before this entry's writers are woken, which keeps the log busy.
   */
  private void answered(List<Pending> sent, List<TxnResult> results, Throwable error) {
    List<Pending> next = afterEntry();
    if (next != null) {
      Thread.ofVirtual().name("nexus-commit").start(() -> send(next));
    }
    complete(sent, results, error);
  }

  /** One entry fewer in flight; the batch to send next, if any. */
  private synchronized List<Pending> afterEntry() {
    inFlight--;
    return closed ? null : takeIfFree();
  }

  private static void complete(List<Pending> batch, List<TxnResult> results, Throwable error) {
    if (error == null && (results == null || results.size() != batch.size())) {
      error =
          new IllegalStateException(
              "an entry of "
                  + batch.size()
                  + " transactions was answered with "
                  + (results == null ? "no" : results.size())
                  + " results");
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<TxnResult> done = batch.get(i).done();
      if (cause != null) {
        done.completeExceptionally(cause);
      } else {
        done.complete(results.get(i));
      }
    }
  }

  /** Fails what has not been sent yet; entries already sent complete on their own. */
  @Override
  public void close() {
    List<Pending> dropped;
    synchronized (this) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
    }
    for (Pending p : dropped) {
      p.done().completeExceptionally(ApiException.unavailable("storage is closed"));
    }
  }
}
