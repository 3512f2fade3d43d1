package dev.nexus.apiserver.storage.raft;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Coalesces linearizable readers into shared Raft read-index rounds, as etcd's linearizableReadLoop
 * does. At most {@code maxInFlight} rounds are on their way (one by default); readers that arrive
 * while all are busy join the next round, which is sent as soon as one of them answers. A round
 * sent after a reader arrived has a read index at or above every write acknowledged before that
 * reader arrived, so once this replica has applied up to it, the reader may read its local LMDB.
 * Under 64 concurrent readers this turns 64 round trips into about two.
 *
 * <p>A round completes on whatever thread finished it, which may be Ratis's StateMachineUpdater or
 * the apply thread while they hold Ratis's internal locks; a read-index request sent from there can
 * deadlock. So the completion callback only releases the round's readers (completing futures that
 * blocked readers wait on) and hands the next round to {@code sender}, a thread of its own; it
 * never calls into Ratis itself.
 */
final class ReadIndexBarrier {
  /** A virtual thread per hand-off: at most one round is pending, and nothing to shut down. */
  private static final Executor VIRTUAL_SENDER =
      task -> Thread.ofVirtual().name("nexus-read-index").start(task);

  private final Supplier<CompletableFuture<?>> round;
  private final Executor sender;
  private final int maxInFlight;
  private CompletableFuture<Void> next; // guarded by this: readers waiting for an unsent round
  private int inFlight; // guarded by this: rounds sent and not yet answered

  /**
   * @param round sends one read-index request and completes once this replica has applied up to the
   *     index it returned
   */
  ReadIndexBarrier(Supplier<CompletableFuture<?>> round) {
    this(round, 1, VIRTUAL_SENDER);
  }

  /**
   * @param maxInFlight how many rounds may be on their way at once
   */
  ReadIndexBarrier(Supplier<CompletableFuture<?>> round, int maxInFlight) {
    this(round, maxInFlight, VIRTUAL_SENDER);
  }

  /**
   * @param sender runs the rounds that follow a completed one; must not run tasks on the calling
   *     thread
   */
  ReadIndexBarrier(Supplier<CompletableFuture<?>> round, Executor sender) {
    this(round, 1, sender);
  }

  private ReadIndexBarrier(Supplier<CompletableFuture<?>> round, int maxInFlight, Executor sender) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
    }
    this.round = round;
    this.maxInFlight = maxInFlight;
    this.sender = sender;
  }

  /** Completes once a round that started after this call has finished. */
  CompletableFuture<Void> await() {
    CompletableFuture<Void> mine;
    boolean send;
    synchronized (this) {
      if (next == null) {
        next = new CompletableFuture<>();
      }
      mine = next;
      send = inFlight < maxInFlight;
      if (send) {
        inFlight++;
        next = null;
      }
    }
    if (send) {
      send(mine);
    }
    return mine;
  }

  /**
   * Sends rounds until no reader is left waiting, on the thread of a reader or of {@link #sender}.
   * A round that completes at once (a leader's lease read) is handled in this loop rather than in a
   * callback, so a long run of them cannot grow the stack.
   */
  private void send(CompletableFuture<Void> waiters) {
    while (waiters != null) {
      CompletableFuture<?> f;
      try {
        f = round.get();
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      if (!f.isDone()) {
        CompletableFuture<Void> these = waiters;
        f.whenComplete(
            (ok, error) -> {
              release(these, error);
              sendNextElsewhere();
            });
        return;
      }
      Throwable error = null;
      try {
        f.join();
      } catch (CompletionException | CancellationException e) {
        error = e.getCause() != null ? e.getCause() : e;
      }
      release(waiters, error);
      waiters = takeNext();
    }
  }

  /**
   * From a completion callback: if readers wait for another round, {@link #sender} sends it. If the
   * sender refuses, they fail (and so does anyone who joined meanwhile) rather than hang; the next
   * reader to arrive starts afresh.
   */
  private void sendNextElsewhere() {
    CompletableFuture<Void> following = takeNext();
    if (following == null) {
      return;
    }
    try {
      sender.execute(() -> send(following));
    } catch (RejectedExecutionException e) {
      release(following, e);
      CompletableFuture<Void> joined;
      synchronized (this) {
        joined = next;
        next = null;
        inFlight--;
      }
      if (joined != null) {
        release(joined, e);
      }
    }
  }

  private static void release(CompletableFuture<Void> waiters, Throwable error) {
    if (error != null) {
      waiters.completeExceptionally(error);
    } else {
      waiters.complete(null);
    }
  }

  /**
   * A round was answered: the readers that arrived meanwhile and are still unsent, now due a round
   * of their own (which the caller sends, keeping this round's slot), or null.
   */
  private synchronized CompletableFuture<Void> takeNext() {
    CompletableFuture<Void> following = next;
    next = null;
    if (following == null) {
      inFlight--;
    }
    return following;
  }
}
