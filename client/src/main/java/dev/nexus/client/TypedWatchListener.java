package dev.nexus.client;

/**
 * {@link WatchListener} with typed objects: the same order, thread and end-of-stream rules. A
 * lambda does for the common case: {@code workloads.watch(opts, e -> ...)}.
 */
@FunctionalInterface
public interface TypedWatchListener<T extends TypedObject> {
  void onEvent(TypedWatchEvent<T> event);

  /** See {@link WatchListener#onClose(Exception)}. */
  default void onClose(Exception error) {}

  /** See {@link WatchListener#onGone()}: list again. */
  default void onGone() {}
}
