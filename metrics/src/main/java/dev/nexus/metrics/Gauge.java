package dev.nexus.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (whole numbers: connections, watches), split by labels. */
public final class Gauge implements Metric {
  private final String name;
  private final String help;
  private final Series<AtomicLong> series;

  Gauge(String name, String help, List<String> labelNames) {
    this.name = TextFormat.checkName(name);
    this.help = help;
    this.series = new Series<>(labelNames, AtomicLong::new);
  }

  @Override
  public String name() {
    return name;
  }

  public void inc(String... labelValues) {
    series.get(labelValues).incrementAndGet();
  }

  public void dec(String... labelValues) {
    series.get(labelValues).decrementAndGet();
  }

  public void set(long value, String... labelValues) {
    series.get(labelValues).set(value);
  }

  public long value(String... labelValues) {
    return series.get(labelValues).get();
  }

  @Override
  public void writeTo(StringBuilder out) {
    TextFormat.header(out, name, help, "gauge");
    for (var e : series.snapshot()) {
      TextFormat.sample(out, name, series.labelNames(), e.getKey(), null, null, e.getValue().get());
    }
  }
}
