package dev.nexus.e2e.linearizability;

import java.time.Duration;

/**
 * How much effort a check may spend before it answers "unknown" instead of hanging: a wall-clock
 * limit for the whole history and a limit on search steps per key. A pathological history (many
 * indeterminate operations that nobody can tell apart) is exponential for any checker; the budget
 * turns that into a clear answer.
 */
public record Budget(Duration maxTime, long maxStepsPerKey) {
  /** Thirty seconds and a hundred million steps: far more than any healthy e2e history needs. */
  public static final Budget DEFAULT = new Budget(Duration.ofSeconds(30), 100_000_000L);

  public Budget {
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("maxTime must be positive, got " + maxTime);
    }
    if (maxStepsPerKey <= 0) {
      throw new IllegalArgumentException("maxStepsPerKey must be positive, got " + maxStepsPerKey);
    }
  }
}
