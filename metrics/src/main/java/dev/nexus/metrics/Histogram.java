package dev.nexus.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Observations counted into cumulative buckets (upper bounds inclusive, as Prometheus expects),
 * with their sum and count, split by labels.
 */
public final class Histogram implements Metric {
  /** Latency buckets in seconds, 0.5 ms to 10 s: fine at the low end where storage lives. */
  public static final double[] LATENCY_SECONDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final String name;
  private final String help;
  private final double[] bounds;
  private final Series<Child> series;

  Histogram(String name, String help, double[] bounds, List<String> labelNames) {
    this.name = TextFormat.checkName(name);
    this.help = help;
    this.bounds = bounds.clone();
    for (int i = 1; i < this.bounds.length; i++) {
      if (this.bounds[i] <= this.bounds[i - 1]) {
        throw new IllegalArgumentException(
            "histogram buckets must increase: " + Arrays.toString(bounds));
      }
    }
    this.series = new Series<>(labelNames, () -> new Child(this.bounds.length));
  }

  @Override
  public String name() {
    return name;
  }

  public void observe(double value, String... labelValues) {
    Child c = series.get(labelValues);
    int i = 0;
    while (i < bounds.length && value > bounds[i]) {
      i++;
    }
    c.buckets[i].increment(); // index bounds.length is the +Inf overflow bucket
    c.sum.add(value);
    c.count.increment();
  }

  /** Observes the seconds elapsed since {@code startNanos} (from {@link System#nanoTime()}). */
  public void observeSince(long startNanos, String... labelValues) {
    observe((System.nanoTime() - startNanos) / 1e9, labelValues);
  }

  public long count(String... labelValues) {
    return series.get(labelValues).count.sum();
  }

  @Override
  public void writeTo(StringBuilder out) {
    TextFormat.header(out, name, help, "histogram");
    List<String> labels = series.labelNames();
    for (var e : series.snapshot()) {
      Child c = e.getValue();
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += c.buckets[i].sum();
        TextFormat.sample(
            out,
            name + "_bucket",
            labels,
            e.getKey(),
            "le",
            TextFormat.number(bounds[i]),
            cumulative);
      }
      cumulative += c.buckets[bounds.length].sum();
      TextFormat.sample(out, name + "_bucket", labels, e.getKey(), "le", "+Inf", cumulative);
      TextFormat.sample(out, name + "_sum", labels, e.getKey(), null, null, c.sum.sum());
      TextFormat.sample(out, name + "_count", labels, e.getKey(), null, null, cumulative);
    }
  }

  private static final class Child {
    final LongAdder[] buckets;
    final DoubleAdder sum = new DoubleAdder();
    final LongAdder count = new LongAdder();

    Child(int bounds) {
      buckets = new LongAdder[bounds + 1];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }
}
