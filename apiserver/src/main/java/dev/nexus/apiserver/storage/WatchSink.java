package dev.nexus.apiserver.storage;

import java.util.List;

/** Receives the events of one watch; called from the store's dispatcher, so it must not block. */
public interface WatchSink {
  /**
   * Takes one event; returning false means the sink is full or gone, and the store cancels the
   * watch (the client then resumes from its last revision).
   */
  boolean offer(WatchEvent event);

  /**
   * Takes the events of one revision that are for this watch, in op order, all at once; the store
   * delivers every revision through this method. Several events share a revision when one entry
   * carried several operations or several transactions. A client resumes after the last revision it
   * saw, so it must never see part of a revision and then the end of its watch: a sink that queues
   * should take all of them or none (and may then take more than its usual capacity into an empty
   * queue, so that one large revision cannot overflow forever). Returning false means the same as
   * for {@link #offer}. The default offers them one by one.
   */
  default boolean offerRevision(List<WatchEvent> events) {
    for (WatchEvent event : events) {
      if (!offer(event)) {
        return false;
      }
    }
    return true;
  }

  /** The watch ended from the store's side (overflow, close); the reason is for logs. */
  void closed(String reason);
}
