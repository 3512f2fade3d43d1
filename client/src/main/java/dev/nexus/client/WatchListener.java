package dev.nexus.client;

/**
 * Receives the events of one watch, in revision order, on the watch's own virtual thread. A
 * listener that blocks holds back later events of that watch only.
 */
public interface WatchListener {
  void onEvent(WatchEvent event);

  /**
   * The stream ended and no more events follow.
   *
   * @param error null when the watch was closed by the caller or the server ended the stream
   *     cleanly; otherwise why it ended: an {@link dev.nexus.api.error.ApiException} from an ERROR
   *     event (code 410 when the revision is no longer retained: relist) or a {@link
   *     ConnectionException}
   */
  default void onClose(Exception error) {}

  /**
   * Called by {@link NexusClient#watchForever} when the revision to resume from is no longer
   * retained (410 Gone): events were missed, so the caller must list again. The watch then ends
   * with {@code onClose} carrying the {@link GoneException}.
   */
  default void onGone() {}
}
