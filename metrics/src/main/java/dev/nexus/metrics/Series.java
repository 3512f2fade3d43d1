package dev.nexus.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The labelled children of one metric, created on first use and kept for the process's life. */
final class Series<T> {
  private final List<String> labelNames;
  private final Supplier<T> factory;
  private final Map<List<String>, T> children = new ConcurrentHashMap<>();

  Series(List<String> labelNames, Supplier<T> factory) {
    labelNames.forEach(TextFormat::checkName);
    this.labelNames = List.copyOf(labelNames);
    this.factory = factory;
  }

  List<String> labelNames() {
    return labelNames;
  }

  T get(String... values) {
    if (values.length != labelNames.size()) {
      throw new IllegalArgumentException(
          "expected "
              + labelNames.size()
              + " label values "
              + labelNames
              + ", got "
              + values.length);
    }
    List<String> key = List.of(values);
    T child = children.get(key);
    return child != null ? child : children.computeIfAbsent(key, k -> factory.get());
  }

  /** A stable, sorted snapshot so scrapes list series in the same order every time. */
  List<Map.Entry<List<String>, T>> snapshot() {
    return children.entrySet().stream()
        .sorted(
            (a, b) ->
                String.join("\u0000", a.getKey()).compareTo(String.join("\u0000", b.getKey())))
        .toList();
  }
}
