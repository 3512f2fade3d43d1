package dev.nexus.client.controller;

import java.time.Duration;

/**
 * Decides how long an item waits before it is retried. Implementations are thread-safe; build them
 * with {@link RateLimiters}.
 */
public interface RateLimiter<T> {
  /** How long {@code item} should wait now; each call counts as one more retry of it. */
  Duration when(T item);

  /** Stops tracking {@code item}: its next failure starts from the shortest delay again. */
  void forget(T item);

  /** How many times {@link #when} was asked about {@code item} since it was last forgotten. */
  int retries(T item);
}
