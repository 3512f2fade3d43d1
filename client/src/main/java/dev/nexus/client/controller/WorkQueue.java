package dev.nexus.client.controller;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A queue of keys to reconcile, as in client-go's workqueue. Thread-safe.
 *
 * <ul>
 *   <li>De-duplicates: a key added many times before a worker takes it is handed out once.
 *   <li>Never hands one key to two workers: a key added while it is being processed waits, and is
 *       handed out again once its worker calls {@link #done}.
 *   <li>Delays: {@link #addAfter} adds a key later (the earliest of several requested times wins);
 *       {@link #addRateLimited} asks the rate limiter how long to wait, {@link #forget} resets it.
 * </ul>
 *
 * <p>Worked example: {@code add(a); add(a); take() -> a; add(a); take()} blocks, because {@code a}
 * is being processed; {@code done(a)} then makes {@code a} available once more.
 *
 * <p>After {@link #shutdown}, adds are ignored and {@link #take} returns null at once, so workers
 * stop promptly; keys still queued are dropped (a restarted controller lists everything again).
 */
public final class WorkQueue<T> implements AutoCloseable {
  private final RateLimiter<T> limiter;
  private final IntConsumer depthListener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final Condition delayChanged = lock.newCondition();

  /** Keys ready to hand out, in order. Every key here is also in {@link #dirty}. */
  private final ArrayDeque<T> queue = new ArrayDeque<>();

  /** Keys that need processing (queued, or waiting for their current worker to finish). */
  private final Set<T> dirty = new HashSet<>();

  /** Keys a worker holds between take() and done(). */
  private final Set<T> processing = new HashSet<>();

  /** Delayed keys by the earliest time (nanoTime) they become ready. */
  private final Map<T, Long> waitingUntil = new HashMap<>();

  private final PriorityQueue<Delayed<T>> waiting =
      new PriorityQueue<>((a, b) -> Long.compare(a.readyAt, b.readyAt));

  private final Thread delayThread;
  private boolean shutdown;

  private record Delayed<T>(T item, long readyAt) {}

  /** A queue whose retries wait as {@code limiter} says. */
  public WorkQueue(RateLimiter<T> limiter) {
    this("workqueue", limiter, depth -> {});
  }

  /**
   * @param name names the queue's delay thread in thread dumps
   * @param depthListener told the new depth whenever it changes (for a metrics gauge); called with
   *     the queue's lock held, so it must be quick and must not call back into the queue
   */
  public WorkQueue(String name, RateLimiter<T> limiter, IntConsumer depthListener) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.depthListener = Objects.requireNonNull(depthListener, "depthListener");
    this.delayThread = Thread.ofVirtual().name(name + "-delay").start(this::releaseDelayed);
  }

  /** Queues {@code item} unless it is already queued; a no-op after shutdown. */
  public void add(T item) {
    Objects.requireNonNull(item, "item");
    lock.lock();
    try {
      addLocked(item);
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} after {@code delay}; zero or negative queues it now. */
  public void addAfter(T item, Duration delay) {
    Objects.requireNonNull(item, "item");
    long nanos = delay.toNanos();
    lock.lock();
    try {
      if (shutdown) {
        return;
      }
      if (nanos <= 0) {
        addLocked(item);
        return;
      }
      long readyAt = System.nanoTime() + nanos;
      Long current = waitingUntil.get(item);
      if (current != null && current - readyAt <= 0) {
        return; // it is already due sooner
      }
      waitingUntil.put(item, readyAt);
      waiting.add(new Delayed<>(item, readyAt));
      delayChanged.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code item} after the delay the rate limiter gives it (one more retry). */
  public void addRateLimited(T item) {
    addAfter(item, limiter.when(item));
  }

  /** Resets the rate limiter's memory of {@code item}: call after it was processed successfully. */
  public void forget(T item) {
    limiter.forget(item);
  }

  /** How many times {@code item} was retried through {@link #addRateLimited} since forgotten. */
  public int retries(T item) {
    return limiter.retries(item);
  }

  /**
   * Waits for a key and marks it as being processed; the caller must call {@link #done} with it.
   * Returns null once the queue is shut down, or when the calling thread is interrupted (its
   * interrupt flag is then set again).
   */
  public T take() {
    lock.lock();
    try {
      while (queue.isEmpty() && !shutdown) {
        available.await();
      }
      if (shutdown) {
        return null;
      }
      T item = queue.poll();
      dirty.remove(item);
      processing.add(item);
      depthListener.accept(queue.size());
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Ends processing of {@code item}; if it was added meanwhile, it is queued again now. */
  public void done(T item) {
    lock.lock();
    try {
      processing.remove(item);
      if (dirty.contains(item) && !shutdown) {
        queue.add(item);
        depthListener.accept(queue.size());
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Keys ready to hand out now (not counting delayed ones or ones being processed). */
  public int depth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Keys waiting for a delay to pass. */
  public int delayed() {
    lock.lock();
    try {
      return waitingUntil.size();
    } finally {
      lock.unlock();
    }
  }

  public boolean isShutdown() {
    lock.lock();
    try {
      return shutdown;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the queue: takers get null, adds are ignored, delayed keys are dropped. */
  public void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      queue.clear();
      dirty.clear();
      waiting.clear();
      waitingUntil.clear();
      depthListener.accept(0);
      available.signalAll();
      delayChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    shutdown();
    try {
      delayThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void addLocked(T item) {
    if (shutdown || !dirty.add(item)) {
      return;
    }
    if (processing.contains(item)) {
      return; // done() queues it again, so no two workers ever hold it
    }
    queue.add(item);
    depthListener.accept(queue.size());
    available.signal();
  }

  /** The delay thread: moves delayed keys to the queue when their time comes. */
  private void releaseDelayed() {
    lock.lock();
    try {
      while (!shutdown) {
        Delayed<T> head = waiting.peek();
        if (head == null) {
          delayChanged.await();
          continue;
        }
        long wait = head.readyAt - System.nanoTime();
        if (wait > 0) {
          delayChanged.awaitNanos(wait);
          continue;
        }
        waiting.poll();
        // A later addAfter with an earlier time left this entry stale: only the current one counts.
        if (Objects.equals(waitingUntil.get(head.item), head.readyAt)) {
          waitingUntil.remove(head.item);
          addLocked(head.item);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }
}
