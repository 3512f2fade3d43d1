package dev.nexus.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gauge whose series are read when scraped (JVM memory, thread counts), so nothing has to push
 * them. The supplier returns label values (in label-name order) mapped to the current value.
 */
public final class CallbackGauge implements Metric {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Supplier<Map<List<String>, Double>> values;

  CallbackGauge(
      String name,
      String help,
      List<String> labelNames,
      Supplier<Map<List<String>, Double>> values) {
    this.name = TextFormat.checkName(name);
    this.help = help;
    labelNames.forEach(TextFormat::checkName);
    this.labelNames = List.copyOf(labelNames);
    this.values = values;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void writeTo(StringBuilder out) {
    TextFormat.header(out, name, help, "gauge");
    values
        .get()
        .forEach((labels, v) -> TextFormat.sample(out, name, labelNames, labels, null, null, v));
  }
}
