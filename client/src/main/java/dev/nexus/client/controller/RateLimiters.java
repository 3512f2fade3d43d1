package dev.nexus.client.controller;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Rate limiters for retries: per item, overall, and combinations. */
public final class RateLimiters {
  private RateLimiters() {}

  /**
   * Per-item exponential backoff: {@code base}, {@code 2*base}, {@code 4*base}... capped at {@code
   * max}, until the item is forgotten.
   */
  public static <T> RateLimiter<T> exponential(Duration base, Duration max) {
    return new Exponential<>(base, max);
  }

  /**
   * One token bucket shared by all items: {@code burst} retries may go at once, then {@code qps} a
   * second. It protects the server when many items fail together; it counts no retries per item.
   */
  public static <T> RateLimiter<T> bucket(double qps, int burst) {
    return new Bucket<>(qps, burst, System::nanoTime);
  }

  /** Asks every limiter and waits for the longest answer. */
  @SafeVarargs
  public static <T> RateLimiter<T> max(RateLimiter<T>... limiters) {
    return new Max<>(List.of(limiters));
  }

  /**
   * The default for controllers, as in controller-runtime: exponential from 5 ms to 1,000 s per
   * item, and at most 10 retries a second overall after a burst of 100.
   */
  public static <T> RateLimiter<T> defaultControllerRateLimiter() {
    return max(exponential(Duration.ofMillis(5), Duration.ofSeconds(1000)), bucket(10, 100));
  }

  static final class Exponential<T> implements RateLimiter<T> {
    private final long baseNanos;
    private final long maxNanos;
    private final Map<T, Integer> failures = new ConcurrentHashMap<>();

    Exponential(Duration base, Duration max) {
      if (base.isNegative() || base.isZero()) {
        throw new IllegalArgumentException("exponential backoff base must be positive: " + base);
      }
      if (max.compareTo(base) < 0) {
        throw new IllegalArgumentException(
            "exponential backoff max " + max + " must not be below base " + base);
      }
      this.baseNanos = base.toNanos();
      this.maxNanos = max.toNanos();
    }

    @Override
    public Duration when(T item) {
      int exp = failures.merge(item, 1, Integer::sum) - 1;
      // 2^62 overflows a long of nanoseconds long before that: cap the exponent first.
      if (exp >= 62 || baseNanos > (maxNanos >> Math.min(exp, 62))) {
        return Duration.ofNanos(maxNanos);
      }
      return Duration.ofNanos(Math.min(maxNanos, baseNanos << exp));
    }

    @Override
    public void forget(T item) {
      failures.remove(item);
    }

    @Override
    public int retries(T item) {
      return failures.getOrDefault(item, 0);
    }
  }

  /** A token bucket that hands out reservations: each call takes a token now or in the future. */
  static final class Bucket<T> implements RateLimiter<T> {
    private final double nanosPerToken;
    private final int burst;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    Bucket(double qps, int burst, LongSupplier clock) {
      if (!(qps > 0)) {
        throw new IllegalArgumentException("token bucket qps must be positive: " + qps);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("token bucket burst must be at least 1: " + burst);
      }
      this.nanosPerToken = 1e9 / qps;
      this.burst = burst;
      this.clock = Objects.requireNonNull(clock);
      this.tokens = burst;
      this.last = clock.getAsLong();
    }

    @Override
    public synchronized Duration when(T item) {
      long now = clock.getAsLong();
      if (now > last) {
        tokens = Math.min(burst, tokens + (now - last) / nanosPerToken);
        last = now;
      }
      tokens -= 1; // a reservation: negative tokens are owed by later callers
      return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens * nanosPerToken));
    }

    @Override
    public void forget(T item) {}

    @Override
    public int retries(T item) {
      return 0;
    }
  }

  static final class Max<T> implements RateLimiter<T> {
    private final List<RateLimiter<T>> limiters;

    Max(List<RateLimiter<T>> limiters) {
      if (limiters.isEmpty()) {
        throw new IllegalArgumentException("max() needs at least one rate limiter");
      }
      this.limiters = limiters;
    }

    @Override
    public Duration when(T item) {
      Duration longest = Duration.ZERO;
      for (RateLimiter<T> l : limiters) {
        Duration d = l.when(item);
        if (d.compareTo(longest) > 0) {
          longest = d;
        }
      }
      return longest;
    }

    @Override
    public void forget(T item) {
      limiters.forEach(l -> l.forget(item));
    }

    @Override
    public int retries(T item) {
      int most = 0;
      for (RateLimiter<T> l : limiters) {
        most = Math.max(most, l.retries(item));
      }
      return most;
    }
  }
}
