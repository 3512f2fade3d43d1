package dev.nexus.apiserver.storage.raft;

import java.util.concurrent.atomic.LongAdder;

/** A lock-free latency histogram with fixed buckets from 50 µs to 10 s. */
final class LatencyHistogram {
  private static final double[] BOUNDS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    2.5, 5, 10
  };

  private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
  private final LongAdder sumNanos = new LongAdder();

  LatencyHistogram() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  void observeNanos(long nanos) {
    double seconds = nanos / 1e9;
    int i = 0;
    while (i < BOUNDS.length && seconds > BOUNDS[i]) {
      i++;
    }
    buckets[i].increment();
    sumNanos.add(nanos);
  }

  HistogramSnapshot snapshot() {
    long[] cumulative = new long[BOUNDS.length];
    long running = 0;
    for (int i = 0; i < BOUNDS.length; i++) {
      running += buckets[i].sum();
      cumulative[i] = running;
    }
    running += buckets[BOUNDS.length].sum();
    return new HistogramSnapshot(BOUNDS.clone(), cumulative, running, sumNanos.sum() / 1e9);
  }
}
