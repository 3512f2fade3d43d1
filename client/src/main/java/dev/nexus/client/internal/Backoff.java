package dev.nexus.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between reconnect attempts: {@code base * 2^attempt}, capped at
 * {@code max}, each delay drawn from its upper half so that many clients cut off at once do not
 * come back at once. Not thread-safe: one per retry loop.
 */
public final class Backoff {
  private final long baseMillis;
  private final long maxMillis;
  private int attempt;

  public Backoff(Duration base, Duration max) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.maxMillis = Math.max(baseMillis, max.toMillis());
  }

  /** The delay before the next attempt; each call lengthens the following one. */
  public Duration next() {
    long ceiling = Math.min(maxMillis, baseMillis << Math.min(attempt, 20));
    attempt++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
  }

  /** After a success: the next failure waits only the base delay again. */
  public void reset() {
    attempt = 0;
  }

  public int attempts() {
    return attempt;
  }
}
