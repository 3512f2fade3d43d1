package dev.nexus.e2e.faults;

import dev.nexus.e2e.history.Call;
import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.Outcome;

/**
 * Successful writes and compare-and-sets that completed within a window of a recorded history: how
 * many per second, and their latency (invocation to completion) at the median and the 99th
 * percentile.
 */
record WriteStats(int count, double perSecond, double p50Ms, double p99Ms) {
  static WriteStats of(History history, long fromNanos, long toNanos) {
    double[] latencies =
        history.ops().stream()
            .filter(op -> !(op.call() instanceof Call.Read))
            .filter(op -> op.outcome() instanceof Outcome.Ok)
            .filter(op -> op.completedNanos() >= fromNanos && op.completedNanos() < toNanos)
            .mapToDouble(op -> (op.completedNanos() - op.invokedNanos()) / 1e6)
            .sorted()
            .toArray();
    double seconds = (toNanos - fromNanos) / 1e9;
    return new WriteStats(
        latencies.length,
        latencies.length / seconds,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99));
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }

  @Override
  public String toString() {
    return String.format(
        "%d writes, %.1f/s, p50 %.1f ms, p99 %.1f ms", count, perSecond, p50Ms, p99Ms);
  }
}
