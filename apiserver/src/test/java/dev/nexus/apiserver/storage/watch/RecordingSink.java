package dev.nexus.apiserver.storage.watch;

import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A sink that keeps what it gets, optionally refusing after a number of events. */
public final class RecordingSink implements WatchSink {
  public final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  public final AtomicReference<String> closedReason = new AtomicReference<>();
  private final int capacity;

  public RecordingSink() {
    this(Integer.MAX_VALUE);
  }

  public RecordingSink(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean offer(WatchEvent event) {
    if (events.size() >= capacity) {
      return false;
    }
    events.add(event);
    return true;
  }

  @Override
  public void closed(String reason) {
    closedReason.set(reason);
  }

  public List<Long> revisions() {
    return events.stream().map(WatchEvent::revision).toList();
  }

  public List<String> keys() {
    return events.stream().map(WatchEvent::key).toList();
  }
}
