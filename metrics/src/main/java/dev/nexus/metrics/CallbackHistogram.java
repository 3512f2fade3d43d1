package dev.nexus.metrics;

import java.util.List;
import java.util.function.Supplier;

/**
 * A histogram kept elsewhere (e.g. by the storage engine) and read when scraped, so the component
 * need not depend on this package.
 */
public final class CallbackHistogram implements Metric {
  /**
   * One reading.
   *
   * @param upperBounds bucket upper bounds, ascending
   * @param cumulativeCounts observations at or below each bound
   * @param count all observations
   * @param sum the sum of all observations
   */
  public record Reading(double[] upperBounds, long[] cumulativeCounts, long count, double sum) {}

  private final String name;
  private final String help;
  private final Supplier<Reading> reading;

  CallbackHistogram(String name, String help, Supplier<Reading> reading) {
    this.name = TextFormat.checkName(name);
    this.help = help;
    this.reading = reading;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void writeTo(StringBuilder out) {
    Reading r = reading.get();
    TextFormat.header(out, name, help, "histogram");
    List<String> none = List.of();
    for (int i = 0; i < r.upperBounds().length; i++) {
      TextFormat.sample(
          out,
          name + "_bucket",
          none,
          none,
          "le",
          TextFormat.number(r.upperBounds()[i]),
          r.cumulativeCounts()[i]);
    }
    TextFormat.sample(out, name + "_bucket", none, none, "le", "+Inf", r.count());
    TextFormat.sample(out, name + "_sum", none, none, null, null, r.sum());
    TextFormat.sample(out, name + "_count", none, none, null, null, r.count());
  }
}
