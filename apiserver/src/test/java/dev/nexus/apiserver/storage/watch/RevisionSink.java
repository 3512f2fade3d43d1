package dev.nexus.apiserver.storage.watch;

import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps each offerRevision call apart, to check that a revision's events arrive whole. */
public final class RevisionSink implements WatchSink {
  public final List<List<WatchEvent>> revisions = new CopyOnWriteArrayList<>();
  public final List<WatchEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public boolean offer(WatchEvent event) {
    return offerRevision(List.of(event));
  }

  @Override
  public boolean offerRevision(List<WatchEvent> revision) {
    revisions.add(List.copyOf(revision));
    events.addAll(revision);
    return true;
  }

  @Override
  public void closed(String reason) {}
}
