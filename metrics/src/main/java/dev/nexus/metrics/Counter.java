package dev.nexus.metrics;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A monotonically increasing count, split by labels. */
public final class Counter implements Metric {
  private final String name;
  private final String help;
  private final Series<DoubleAdder> series;

  Counter(String name, String help, List<String> labelNames) {
    this.name = TextFormat.checkName(name);
    this.help = help;
    this.series = new Series<>(labelNames, DoubleAdder::new);
  }

  @Override
  public String name() {
    return name;
  }

  public void inc(String... labelValues) {
    series.get(labelValues).add(1);
  }

  public void add(double amount, String... labelValues) {
    if (amount < 0) {
      throw new IllegalArgumentException("a counter only goes up: " + amount);
    }
    series.get(labelValues).add(amount);
  }

  public double value(String... labelValues) {
    return series.get(labelValues).sum();
  }

  @Override
  public void writeTo(StringBuilder out) {
    TextFormat.header(out, name, help, "counter");
    for (var e : series.snapshot()) {
      TextFormat.sample(out, name, series.labelNames(), e.getKey(), null, null, e.getValue().sum());
    }
  }
}
