package dev.nexus.apiserver.concurrent;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Timeouts for many concurrent waits at the cost of one queue insertion each. A JDK timer per wait
 * ({@code CompletableFuture.orTimeout}, or a timed {@code get} on a virtual thread) arms and then
 * cancels a task on the JDK's delay scheduler, waking its thread both times; at thousands of
 * requests per second on two cores those wake-ups took about a fifth of the server's CPU.
 *
 * <p>Here waits of one length share a queue, in which arrival order is deadline order, and one
 * sweeper thread for the whole process looks at the oldest waits every {@link #TICK}: it forgets
 * those done and fails those past their deadline with a {@link TimeoutException}, stopping at the
 * first that is neither. It sleeps while nothing waits. A wait therefore times out up to one tick
 * late, which is nothing next to timeouts of seconds.
 */
public final class CoarseTimeouts {
  /** How often the sweeper looks; also the most a timeout can be late. */
  public static final Duration TICK = Duration.ofMillis(50);

  private record Wait(CompletableFuture<?> future, long deadline) {}

  private static final Map<Long, Queue<Wait>> QUEUES = new ConcurrentHashMap<>();
  private static final Thread SWEEPER =
      Thread.ofPlatform().name("nexus-timeouts").daemon().unstarted(CoarseTimeouts::sweep);
  private static volatile boolean sleeping;

  static {
    SWEEPER.start();
  }

  private CoarseTimeouts() {}

  /**
   * Fails {@code future} with a {@link TimeoutException} if it is not done within {@code timeout}
   * (up to one {@link #TICK} later); returns the same future. Completing it exceptionally is all
   * this does: whoever was computing it is not told.
   */
  public static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout) {
    if (future.isDone()) {
      return future;
    }
    long nanos = timeout.toNanos();
    QUEUES
        .computeIfAbsent(nanos, n -> new ConcurrentLinkedQueue<>())
        .add(new Wait(future, System.nanoTime() + nanos));
    if (sleeping) {
      LockSupport.unpark(SWEEPER);
    }
    return future;
  }

  private static void sweep() {
    while (true) {
      boolean waiting = false;
      long now = System.nanoTime();
      for (Queue<Wait> waits : QUEUES.values()) {
        waiting |= sweep(waits, now);
      }
      if (waiting) {
        LockSupport.parkNanos(TICK.toNanos());
        continue;
      }
      // Nothing waits: sleep until within() adds something. It checks the flag after adding, so
      // checking the queues again after raising the flag cannot miss a wait.
      sleeping = true;
      if (QUEUES.values().stream().allMatch(Queue::isEmpty)) {
        LockSupport.park();
      }
      sleeping = false;
    }
  }

  /** Handles the due head of one queue; true if waits remain. */
  private static boolean sweep(Queue<Wait> waits, long now) {
    for (Wait w = waits.peek(); w != null; w = waits.peek()) {
      if (!w.future().isDone() && now - w.deadline() < 0) {
        return true;
      }
      waits.poll();
      if (!w.future().isDone()) {
        w.future().completeExceptionally(new TimeoutException("timed out"));
      }
    }
    return false;
  }
}
