package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One client's watch: a bounded queue the store's shared dispatcher feeds without blocking, read by
 * the one thread that writes to the client. When the queue is full the store cancels the watch and
 * the session ends as {@link End#OVERFLOW}: the client resumes from the last revision it saw.
 *
 * <p>Several events may share a revision (one entry's operations or transactions). The queue takes
 * a revision's events all at once or not at all, and a session that ends still hands out the rest
 * of the revision its reader is in the middle of (see {@link #midRevision}), so a reader that stops
 * after the end has seen each revision whole and may resume after the last one.
 *
 * <p>Filtering (exact key, selectors) happens on the reader's side, so the dispatcher's cost per
 * watcher is one enqueue whatever the selectors.
 */
public final class WatchSession implements WatchSink, AutoCloseable {
  /** Why a session ended. */
  public enum End {
    /** The client's queue overflowed; it should resume from its last revision. */
    OVERFLOW,
    /** The store ended the watch (history compacted, store closing); the client must relist. */
    STORE_CLOSED,
    /** Closed from this side (client gone, timeout, server stopping). */
    CLOSED
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final Deque<WatchEvent> queue = new ArrayDeque<>();
  private final Deque<SharedEvents.Decoded> initial = new ArrayDeque<>();
  private final int capacity;
  private final String exactKey;
  private final Predicate<ObjectNode> filter;
  private final SharedEvents shared;
  private final boolean initialEventsEndBookmark;
  private volatile WatchRegistration registration;
  private End end;
  private String endReason;
  private long lastRevision;
  private long lastTaken; // guarded by lock: the revision of the event next() took last
  private volatile long progress;

  WatchSession(
      int capacity,
      String exactKey,
      Predicate<ObjectNode> filter,
      SharedEvents shared,
      long startRevision,
      boolean initialEventsEndBookmark) {
    this.capacity = capacity;
    this.exactKey = exactKey;
    this.filter = filter;
    this.shared = shared;
    this.lastRevision = startRevision;
    this.lastTaken = startRevision;
    this.initialEventsEndBookmark = initialEventsEndBookmark;
  }

  void addInitial(ObjectNode object, String key) {
    long rv = Long.parseLong(object.path("metadata").path("resourceVersion").asText("0"));
    initial.add(new SharedEvents.Decoded("ADDED", object, rv, key));
  }

  void registered(WatchRegistration registration) {
    this.registration = registration;
  }

  /** Whether the client asked for a bookmark to mark the end of the initial state. */
  public boolean initialEventsEndBookmark() {
    return initialEventsEndBookmark;
  }

  /** Whether synthetic initial events remain to be sent. */
  public boolean hasInitial() {
    return !initial.isEmpty();
  }

  /**
   * The predicate the store applies on its dispatcher, in revision order. The store is asked for
   * the whole kind so that this predicate also sees the changes this watch does not want: each of
   * those proves that everything before its revision has been offered, which is what makes an idle
   * watch's bookmarks advance safely.
   */
  Predicate<WatchEvent> admit(String prefix) {
    return e -> {
      boolean wanted = exactKey != null ? exactKey.equals(e.key()) : e.key().startsWith(prefix);
      if (!wanted && e.revision() - 1 > progress) {
        // An event of the same entry may still follow and be wanted, hence revision - 1.
        progress = e.revision() - 1;
      }
      return wanted;
    };
  }

  @Override
  public boolean offer(WatchEvent event) {
    return offerRevision(List.of(event));
  }

  /**
   * Queues the events of one revision whole, or refuses them all and ends the session as {@link
   * End#OVERFLOW}. An empty queue takes a revision of any size, so that one larger than the
   * capacity cannot overflow every session that resumes before it.
   */
  @Override
  public boolean offerRevision(List<WatchEvent> events) {
    lock.lock();
    try {
      if (end != null) {
        return false;
      }
      if (!queue.isEmpty() && queue.size() + events.size() > capacity) {
        endLocked(End.OVERFLOW, "the client did not keep up (" + capacity + " events queued)");
        return false;
      }
      queue.addAll(events);
      ready.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void closed(String reason) {
    lock.lock();
    try {
      endLocked(End.STORE_CLOSED, reason);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next event that passes the filters, waiting at most {@code timeout}; null when none came in
   * time or the session ended (see {@link #end()}). Initial events come first.
   */
  public SharedEvents.Decoded next(long timeout, TimeUnit unit) throws InterruptedException {
    while (!initial.isEmpty()) {
      SharedEvents.Decoded d = initial.poll();
      if (filter.test(d.object())) {
        return d;
      }
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      WatchEvent event;
      lock.lock();
      try {
        while (queue.isEmpty() && end == null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return null;
          }
          ready.awaitNanos(left);
        }
        if (queue.isEmpty()) {
          return null;
        }
        event = queue.poll();
        lastTaken = event.revision();
      } finally {
        lock.unlock();
      }
      lastRevision = Math.max(lastRevision, event.revision());
      SharedEvents.Decoded d = shared.decode(event);
      if (filter.test(d.object())) {
        return d;
      }
    }
  }

  /**
   * Whether events of the revision {@link #next} took last are still queued: a reader that means to
   * stop (a timeout) should take them first, or its client would resume after a revision it has
   * only partly seen.
   */
  public boolean midRevision() {
    lock.lock();
    try {
      return !queue.isEmpty() && queue.peekFirst().revision() == lastTaken;
    } finally {
      lock.unlock();
    }
  }

  /** The highest revision this session has taken from its queue (or started from). */
  public long lastRevision() {
    return lastRevision;
  }

  /**
   * The revision a bookmark may carry: every wanted change up to it has been returned by {@link
   * #next}. Call it from the thread that calls {@link #next}, after writing what next returned.
   */
  public long bookmarkRevision() {
    long seen = progress; // read before looking at the queue, see admit()
    lock.lock();
    try {
      if (queue.isEmpty()) {
        return Math.max(lastRevision, seen);
      }
      return queue.peekFirst().revision() == lastRevision ? lastRevision - 1 : lastRevision;
    } finally {
      lock.unlock();
    }
  }

  /** Why the session ended, or null while it runs. */
  public End end() {
    lock.lock();
    try {
      return end;
    } finally {
      lock.unlock();
    }
  }

  public String endReason() {
    lock.lock();
    try {
      return endReason;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      endLocked(End.CLOSED, "closed");
    } finally {
      lock.unlock();
    }
    WatchRegistration r = registration;
    if (r != null) {
      r.close();
    }
  }

  /** Ends the session, dropping what is queued except the rest of the revision being read. */
  private void endLocked(End why, String reason) {
    if (end == null) {
      end = why;
      endReason = reason;
      int keep = 0;
      for (WatchEvent e : queue) {
        if (e.revision() != lastTaken) {
          break;
        }
        keep++;
      }
      while (queue.size() > keep) {
        queue.pollLast();
      }
    }
    ready.signalAll();
  }
}
