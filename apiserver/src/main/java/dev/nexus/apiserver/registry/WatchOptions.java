package dev.nexus.apiserver.registry;

/**
 * How to watch.
 *
 * @param labelSelector a label selector, or null
 * @param fieldSelector a field selector, or null
 * @param resourceVersion deliver changes after this revision; null (or 0) first delivers the
 *     current state as synthetic ADDED events, then every change after it
 * @param sendInitialEvents deliver the current state first and mark its end with a bookmark
 *     annotated {@code k8s.io/initial-events-end} (Kubernetes' streaming list)
 * @param queueCapacity events buffered for a slow client before the watch is closed
 */
public record WatchOptions(
    String labelSelector,
    String fieldSelector,
    Long resourceVersion,
    boolean sendInitialEvents,
    int queueCapacity) {

  /** The same watch, continued after {@code revision} (which it has fully delivered). */
  public WatchOptions resumeAfter(long revision) {
    if (revision < 1) {
      throw new IllegalArgumentException("resume revision must be >= 1, was " + revision);
    }
    return new WatchOptions(labelSelector, fieldSelector, revision, false, queueCapacity);
  }

  /** Whether the watch starts with the current state rather than from a revision. */
  public boolean startsWithState() {
    return sendInitialEvents || resourceVersion == null || resourceVersion == 0;
  }
}
