package dev.nexus.apiserver.storage.watch;

import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/** One watch: what it wants, where its sink is, and how far it has been served. */
final class Registration implements WatchRegistration {
  final String prefix;
  private final Predicate<WatchEvent> filter;
  private final WatchSink sink;
  private final WatchHub hub;
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * Dispatcher-only: every event with a revision at or below this was delivered or filtered out.
   */
  long position;

  Registration(
      String prefix,
      long afterRevision,
      Predicate<WatchEvent> filter,
      WatchSink sink,
      WatchHub hub) {
    this.prefix = prefix;
    this.filter = filter;
    this.sink = sink;
    this.hub = hub;
    this.position = afterRevision;
  }

  boolean ended() {
    return ended.get();
  }

  /**
   * Offers those of {@code events} (all of one revision, in op order) that are for this watch, in
   * one {@link WatchSink#offerRevision} call. Returns false when the sink refused them (or threw),
   * in which case the caller ends the watch.
   */
  boolean deliver(List<WatchEvent> events) {
    if (ended.get()) {
      return true;
    }
    try {
      List<WatchEvent> wanted = null; // null while every event so far is wanted
      for (int i = 0; i < events.size(); i++) {
        WatchEvent event = events.get(i);
        boolean ok = event.key().startsWith(prefix) && filter.test(event);
        if (!ok && wanted == null) {
          wanted = new ArrayList<>(events.subList(0, i));
        } else if (ok && wanted != null) {
          wanted.add(event);
        }
      }
      List<WatchEvent> offered = wanted == null ? events : wanted;
      return offered.isEmpty() || sink.offerRevision(offered);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Ends the watch from the store's side, telling the sink once. */
  void end(String reason) {
    if (ended.compareAndSet(false, true)) {
      hub.ended();
      try {
        sink.closed(reason);
      } catch (RuntimeException e) {
        // The sink's problem; the watch is over either way.
      }
    }
  }

  /** Ends the watch from the client's side; the sink is not called back. */
  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      hub.ended();
      hub.forget(this);
    }
  }
}
