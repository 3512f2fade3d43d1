package dev.nexus.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * Holds metric families by name and renders them all for a scrape. Registering a name twice with
 * the same type returns the existing family, so components may ask for their metrics idempotently.
 */
public final class MetricsRegistry {
  /** The {@code Content-Type} of {@link #scrape()}. */
  public static final String CONTENT_TYPE = TextFormat.CONTENT_TYPE;

  private final Map<String, Metric> metrics = new ConcurrentSkipListMap<>();

  public Counter counter(String name, String help, String... labelNames) {
    return register(name, Counter.class, () -> new Counter(name, help, List.of(labelNames)));
  }

  public Gauge gauge(String name, String help, String... labelNames) {
    return register(name, Gauge.class, () -> new Gauge(name, help, List.of(labelNames)));
  }

  public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
    return register(
        name, Histogram.class, () -> new Histogram(name, help, buckets, List.of(labelNames)));
  }

  /** A gauge without labels read at scrape time. */
  public CallbackGauge gauge(String name, String help, Supplier<Double> value) {
    return gauge(name, help, List.of(), () -> Map.of(List.of(), value.get()));
  }

  /** A labelled gauge read at scrape time: label values (in order) to value. */
  public CallbackGauge gauge(
      String name,
      String help,
      List<String> labelNames,
      Supplier<Map<List<String>, Double>> values) {
    return register(
        name, CallbackGauge.class, () -> new CallbackGauge(name, help, labelNames, values));
  }

  /** A histogram read at scrape time from whoever keeps it. */
  public CallbackHistogram histogram(
      String name, String help, Supplier<CallbackHistogram.Reading> reading) {
    return register(
        name, CallbackHistogram.class, () -> new CallbackHistogram(name, help, reading));
  }

  /** Every family in name order, in the text exposition format. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    metrics.values().forEach(m -> m.writeTo(out));
    return out.toString();
  }

  private <T extends Metric> T register(String name, Class<T> type, Supplier<T> factory) {
    Metric m = metrics.computeIfAbsent(name, n -> factory.get());
    if (!type.isInstance(m)) {
      throw new IllegalArgumentException(
          "metric " + name + " is already registered as a " + m.getClass().getSimpleName());
    }
    return type.cast(m);
  }
}
