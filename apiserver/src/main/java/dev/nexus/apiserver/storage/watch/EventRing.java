package dev.nexus.apiserver.storage.watch;

/**
 * The most recent batches that changed something, oldest first, so that a watcher a little behind
 * catches up from memory instead of LMDB. Owned by the dispatcher thread alone.
 *
 * <p>{@code coveredFrom} is the lowest revision from which the ring is complete: every event with a
 * revision in {@code [coveredFrom, newest]} is here. It starts just past the revision the store had
 * applied when the ring was created (earlier events live only in LMDB) and moves up as old batches
 * are evicted. Example: capacity 2, batches at revisions 7, 9, 12 added after starting at applied
 * revision 5: coveredFrom goes 6 → 6 → 6 → 8 (batch 7 evicted), and a watcher at position 7 reads 9
 * and 12 from here while one at position 6 must read LMDB first.
 */
final class EventRing {
  private final Batch[] slots;
  private final long[] weights; // bytes of keys and values of each slot's events
  private final long maxBytes;
  private int head;
  private int size;
  private long bytes;
  private long coveredFrom;

  /**
   * @param capacity the most revisions kept
   * @param maxBytes the most bytes of keys and values kept (the newest revision is kept whatever
   *     its size): one revision may hold many events since entries carry several transactions
   */
  EventRing(int capacity, long maxBytes, long appliedRevision) {
    if (capacity < 1) {
      throw new IllegalArgumentException("ring capacity must be >= 1, was " + capacity);
    }
    this.slots = new Batch[capacity];
    this.weights = new long[capacity];
    this.maxBytes = maxBytes;
    this.coveredFrom = appliedRevision + 1;
  }

  void add(Batch batch) {
    if (size == slots.length) {
      evictOldest();
    }
    int slot = (head + size) % slots.length;
    long weight = 0;
    for (var e : batch.events()) {
      weight += e.key().length() + e.value().length;
    }
    slots[slot] = batch;
    weights[slot] = weight;
    bytes += weight;
    size++;
    while (size > 1 && bytes > maxBytes) {
      evictOldest();
    }
  }

  private void evictOldest() {
    Batch evicted = slots[head];
    slots[head] = null;
    bytes -= weights[head];
    head = (head + 1) % slots.length;
    size--;
    coveredFrom = evicted.revision() + 1;
  }

  /** Whether every event with a revision of at least {@code revision} is in the ring. */
  boolean covers(long revision) {
    return revision >= coveredFrom;
  }

  int size() {
    return size;
  }

  /** The {@code i}-th oldest batch. */
  Batch get(int i) {
    return slots[(head + i) % slots.length];
  }

  /** Position of the first batch with a revision above {@code after}, or {@link #size()}. */
  int firstAfter(long after) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (get(mid).revision() <= after) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Forgets everything: the store now starts at {@code appliedRevision}. */
  void clear(long appliedRevision) {
    java.util.Arrays.fill(slots, null);
    head = 0;
    size = 0;
    bytes = 0;
    coveredFrom = appliedRevision + 1;
  }
}
