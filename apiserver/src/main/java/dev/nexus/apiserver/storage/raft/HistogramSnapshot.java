package dev.nexus.apiserver.storage.raft;

/**
 * A latency histogram at one moment, in Prometheus's shape.
 *
 * @param upperBoundsSeconds bucket upper bounds, ascending (the implicit last bucket is +Inf)
 * @param cumulativeCounts for each bound, how many observations were at or below it
 * @param count all observations (the +Inf bucket)
 * @param sumSeconds the sum of all observations
 */
public record HistogramSnapshot(
    double[] upperBoundsSeconds, long[] cumulativeCounts, long count, double sumSeconds) {}
