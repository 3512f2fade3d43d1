package dev.nexus.apiserver.storage;

/** Receives the events of one watch; called from the store's dispatcher, so it must not block. */
public interface WatchSink {
  /**
   * Takes one event; returning false means the sink is full or gone, and the store cancels the
   * watch (the client then resumes from its last revision).
   */
  boolean offer(WatchEvent event);

  /** The watch ended from the store's side (overflow, close); the reason is for logs. */
  void closed(String reason);
}
