package dev.nexus.controllers.workload;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The Instances a controller has created or deleted for each Workload but not yet seen in its
 * informer cache.
 *
 * <p>Why: the cache lags the server. Without this, a reconcile that created 3 Instances and a
 * second reconcile moments later (a status update, a resync) would still see 0 in the cache and
 * create 3 more. The reconciler records the names it is about to create or delete <em>before</em>
 * sending the requests (an event may beat the response), the informer's handler crosses them off as
 * the events arrive, and the reconciler does nothing to a Workload whose list is not empty.
 *
 * <p>A request that fails is crossed off at once. An entry older than the time-to-live is dropped
 * so that a lost event cannot freeze a Workload forever; the informer relists on a broken watch, so
 * that should not happen, but a controller must not depend on it.
 */
final class Expectations {
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Pending> byKey = new HashMap<>();

  Expectations(Duration ttl) {
    this(ttl, System::nanoTime);
  }

  Expectations(Duration ttl, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  private static final class Pending {
    final Set<String> creates = new HashSet<>();
    final Set<String> deletes = new HashSet<>();
    long since;

    boolean isEmpty() {
      return creates.isEmpty() && deletes.isEmpty();
    }
  }

  /** Records creations of {@code names} for {@code key}, before they are sent. */
  synchronized void expectCreations(String key, Collection<String> names) {
    if (!names.isEmpty()) {
      pending(key).creates.addAll(names);
    }
  }

  /** Records deletions of {@code names} for {@code key}, before they are sent. */
  synchronized void expectDeletions(String key, Collection<String> names) {
    if (!names.isEmpty()) {
      pending(key).deletes.addAll(names);
    }
  }

  /** The cache now holds {@code name}, or its creation failed: stop waiting for it. */
  synchronized void creationObserved(String key, String name) {
    Pending p = byKey.get(key);
    if (p != null) {
      p.creates.remove(name);
      dropIfEmpty(key, p);
    }
  }

  /** The cache no longer holds {@code name}, or its deletion failed: stop waiting for it. */
  synchronized void deletionObserved(String key, String name) {
    Pending p = byKey.get(key);
    if (p != null) {
      p.deletes.remove(name);
      dropIfEmpty(key, p);
    }
  }

  /**
   * Crosses off what the cache already shows: creations of names it holds and deletions of names it
   * no longer holds. Called by the reconciler before {@link #satisfied}, so the answer does not
   * depend on whether the informer ran this object's handler before or after the one that queued
   * the reconcile.
   */
  synchronized void observe(String key, Predicate<String> inCache) {
    Pending p = byKey.get(key);
    if (p != null) {
      p.creates.removeIf(inCache);
      p.deletes.removeIf(inCache.negate());
      dropIfEmpty(key, p);
    }
  }

  /**
   * Whether {@code key} has nothing outstanding; an expired entry is dropped and counts as none.
   */
  synchronized boolean satisfied(String key) {
    Pending p = byKey.get(key);
    if (p == null) {
      return true;
    }
    if (nanoTime.getAsLong() - p.since >= ttlNanos) {
      byKey.remove(key);
      return true;
    }
    return false;
  }

  /** How many creations and deletions {@code key} still waits for (for logs and tests). */
  synchronized int outstanding(String key) {
    Pending p = byKey.get(key);
    return p == null ? 0 : p.creates.size() + p.deletes.size();
  }

  /** The time until {@code key}'s entry expires (zero when none). */
  synchronized Duration untilExpiry(String key) {
    Pending p = byKey.get(key);
    if (p == null) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, p.since + ttlNanos - nanoTime.getAsLong()));
  }

  /** The Workload is gone: forget what it waited for. */
  synchronized void forget(String key) {
    byKey.remove(key);
  }

  private Pending pending(String key) {
    Pending p = byKey.computeIfAbsent(key, k -> new Pending());
    p.since = nanoTime.getAsLong(); // the clock restarts with each new batch of requests
    return p;
  }

  private void dropIfEmpty(String key, Pending p) {
    if (p.isEmpty()) {
      byKey.remove(key);
    }
  }
}
