package dev.nexus.apiserver.storage.watch;

import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import dev.nexus.apiserver.storage.lmdb.HistoryChunk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared fan-out for every watch of a replica. The apply thread {@link #publish}es each entry's
 * events after they are committed to LMDB; a single dispatcher thread owns all watch state and does
 * everything else, in the order things happened, so no lock is needed and nothing can slip between
 * history and live delivery:
 *
 * <ul>
 *   <li>A new watch starts "catching up" at its start revision. In bounded chunks, interleaved with
 *       live batches, it is fed from the in-memory ring when the ring reaches back far enough, else
 *       from LMDB history, always only up to {@code dispatched} (the last batch the dispatcher has
 *       seen). Once it reaches {@code dispatched} it joins the live set.
 *   <li>A live batch (revision r &gt; dispatched) goes into the ring and to every live watch whose
 *       prefix matches, then {@code dispatched = r}. A live watch's position was at most the {@code
 *       dispatched} of the moment it joined, so it gets every later batch once.
 * </ul>
 *
 * Watches are grouped by prefix so an event costs one string check per distinct prefix plus one
 * offer per interested watch; there is no thread and no storage read per watch. The events of one
 * revision (one entry may carry several operations, or several transactions) always reach a sink in
 * one {@link WatchSink#offerRevision} call, live or catching up, so a sink never holds part of a
 * revision.
 */
public final class WatchHub implements AutoCloseable {
  /** Reasons given to {@link WatchSink#closed} that mean "410 Gone: relist" start with this. */
  public static final String GONE = "gone: ";

  /** Reads history from storage for watches that start behind the ring. */
  @FunctionalInterface
  public interface HistorySource {
    HistoryChunk read(long afterRevision, long throughRevision, int maxEvents);
  }

  private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);
  private static final int CATCH_UP_CHUNK = 512;
  private static final int SIGNALS_PER_ROUND = 256;

  private sealed interface Signal {}

  private record Publish(List<Batch> batches) implements Signal {}

  private record Add(Registration registration) implements Signal {}

  private record Forget(Registration registration) implements Signal {}

  private record Reset(long appliedRevision, String reason) implements Signal {}

  private record Stop(String reason) implements Signal {}

  private final LinkedBlockingQueue<Signal> inbox = new LinkedBlockingQueue<>();
  private final AtomicInteger watchers = new AtomicInteger();
  private final HistorySource history;
  private final Thread dispatcher;

  // Dispatcher-owned state.
  private final EventRing ring;
  private final Map<String, List<Registration>> live = new HashMap<>();
  private final ArrayDeque<Registration> catchingUp = new ArrayDeque<>();
  private long dispatched;
  private boolean running = true;

  /** The most bytes of event keys and values the ring keeps unless told otherwise. */
  public static final long DEFAULT_RING_BYTES = 64L << 20;

  public WatchHub(HistorySource history, int ringRevisions, long appliedRevision) {
    this(history, ringRevisions, DEFAULT_RING_BYTES, appliedRevision);
  }

  /**
   * @param ringRevisions the most recent changing revisions the in-memory ring keeps
   * @param ringBytes the most bytes of event keys and values it keeps
   */
  public WatchHub(HistorySource history, int ringRevisions, long ringBytes, long appliedRevision) {
    this.history = history;
    this.ring = new EventRing(ringRevisions, ringBytes, appliedRevision);
    this.dispatched = appliedRevision;
    this.dispatcher =
        Thread.ofPlatform().name("nexus-watch-dispatcher").daemon().unstarted(this::run);
    dispatcher.start();
  }

  /** The events of one applied entry. */
  public record Change(long revision, List<WatchEvent> events) {}

  /** Hands the events of the entry at {@code revision} to the watches. Apply thread only. */
  public void publish(long revision, List<WatchEvent> events) {
    publish(List.of(new Change(revision, events)));
  }

  /**
   * Hands the events of consecutive applied entries to the watches, in order, with one wake-up of
   * the dispatcher. Apply thread only.
   */
  public void publish(List<Change> changes) {
    List<Batch> batches = new ArrayList<>(changes.size());
    for (Change c : changes) {
      if (!c.events().isEmpty()) {
        batches.add(new Batch(c.revision(), c.events()));
      }
    }
    if (!batches.isEmpty()) {
      inbox.add(new Publish(batches));
    }
  }

  /** Starts a watch of every event after {@code afterRevision} under {@code prefix}. */
  public WatchRegistration register(
      String prefix, long afterRevision, Predicate<WatchEvent> filter, WatchSink sink) {
    Registration r = new Registration(prefix, afterRevision, filter, sink, this);
    watchers.incrementAndGet();
    inbox.add(new Add(r));
    return r;
  }

  /**
   * The store's contents were replaced (snapshot installed): every watch ends with {@code reason}
   * and the ring restarts at {@code appliedRevision}.
   */
  public void reset(long appliedRevision, String reason) {
    inbox.add(new Reset(appliedRevision, reason));
  }

  public int watcherCount() {
    return watchers.get();
  }

  void ended() {
    watchers.decrementAndGet();
  }

  void forget(Registration r) {
    inbox.add(new Forget(r));
  }

  @Override
  public void close() {
    inbox.add(new Stop("the store is shutting down"));
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try {
        Signal s = catchingUp.isEmpty() ? inbox.take() : inbox.poll();
        for (int n = 0; s != null; n++) {
          handle(s);
          s = n < SIGNALS_PER_ROUND && running ? inbox.poll() : null;
        }
        if (running && !catchingUp.isEmpty()) {
          catchUpRound();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("watch dispatcher failed; ending all watches", e);
        endAll("the watch dispatcher failed: " + e);
      }
    }
  }

  private void handle(Signal s) {
    switch (s) {
      case Publish p -> p.batches().forEach(this::dispatch);
      case Add a -> catchingUp.add(a.registration());
      case Forget f -> {
        catchingUp.remove(f.registration());
        List<Registration> group = live.get(f.registration().prefix);
        if (group != null && group.remove(f.registration()) && group.isEmpty()) {
          live.remove(f.registration().prefix);
        }
      }
      case Reset r -> {
        endAll(r.reason());
        ring.clear(r.appliedRevision());
        dispatched = r.appliedRevision();
      }
      case Stop st -> {
        endAll(st.reason());
        running = false;
      }
    }
  }

  private void dispatch(Batch batch) {
    if (batch.revision() <= dispatched) {
      return; // already covered (a replay after a reset)
    }
    ring.add(batch);
    dispatched = batch.revision();
    List<Registration> refused = null;
    for (Map.Entry<String, List<Registration>> group : live.entrySet()) {
      List<WatchEvent> events = under(group.getKey(), batch.events());
      if (events.isEmpty()) {
        continue;
      }
      for (Registration r : group.getValue()) {
        if (r.position < batch.revision() && !r.deliver(events)) {
          refused = refused == null ? new ArrayList<>() : refused;
          refused.add(r);
        }
      }
    }
    if (refused != null) {
      for (Registration r : refused) {
        r.end("the watcher did not keep up (its queue is full)");
        handle(new Forget(r));
      }
    }
  }

  private void catchUpRound() {
    for (int n = catchingUp.size(); n > 0; n--) {
      Registration r = catchingUp.poll();
      if (r.ended()) {
        continue;
      }
      if (catchUp(r)) {
        live.computeIfAbsent(r.prefix, p -> new ArrayList<>()).add(r);
      } else if (!r.ended()) {
        catchingUp.add(r);
      }
    }
  }

  /** Feeds {@code r} one chunk of what it missed; true once it has everything up to dispatched. */
  private boolean catchUp(Registration r) {
    if (r.position >= dispatched) {
      return true;
    }
    if (ring.covers(r.position + 1)) {
      int delivered = 0;
      for (int i = ring.firstAfter(r.position); i < ring.size(); i++) {
        Batch b = ring.get(i);
        if (!deliverAll(r, b.events())) {
          return false;
        }
        r.position = b.revision();
        delivered += b.events().size();
        if (delivered >= CATCH_UP_CHUNK) {
          return r.position >= dispatched;
        }
      }
      r.position = dispatched;
      return true;
    }
    HistoryChunk chunk;
    try {
      chunk = history.read(r.position, dispatched, CATCH_UP_CHUNK);
    } catch (RuntimeException e) {
      r.end("could not read watch history: " + e.getMessage());
      return false;
    }
    if (chunk.compactedRevision() > r.position) {
      r.end(
          GONE
              + "events after revision "
              + r.position
              + " were compacted; the oldest watchable revision is "
              + (chunk.compactedRevision() + 1));
      return false;
    }
    if (!deliverAll(r, chunk.events())) {
      return false;
    }
    r.position = chunk.coveredThrough();
    return r.position >= dispatched;
  }

  /** The events of one batch whose key starts with {@code prefix} (the batch's own list if all). */
  private static List<WatchEvent> under(String prefix, List<WatchEvent> events) {
    List<WatchEvent> out = null;
    for (int i = 0; i < events.size(); i++) {
      boolean match = events.get(i).key().startsWith(prefix);
      if (!match && out == null) {
        out = new ArrayList<>(events.subList(0, i));
      } else if (match && out != null) {
        out.add(events.get(i));
      }
    }
    return out == null ? events : out;
  }

  /**
   * Delivers events in revision order, each revision in one offer, so that a sink never holds part
   * of a revision (see {@link WatchSink#offerRevision}).
   */
  private boolean deliverAll(Registration r, List<WatchEvent> events) {
    int from = 0;
    while (from < events.size()) {
      long revision = events.get(from).revision();
      int to = from + 1;
      while (to < events.size() && events.get(to).revision() == revision) {
        to++;
      }
      if (!r.deliver(events.subList(from, to))) {
        r.end("the watcher did not keep up (its queue is full)");
        return false;
      }
      from = to;
    }
    return true;
  }

  private void endAll(String reason) {
    for (Registration r : catchingUp) {
      r.end(reason);
    }
    catchingUp.clear();
    for (List<Registration> group : live.values()) {
      for (Registration r : group) {
        r.end(reason);
      }
    }
    live.clear();
  }
}
