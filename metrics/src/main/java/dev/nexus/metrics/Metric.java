package dev.nexus.metrics;

/** One metric family: a name, a help line, a type and its series. */
public sealed interface Metric permits Counter, Gauge, Histogram, CallbackGauge, CallbackHistogram {
  String name();

  /** Appends the family's HELP, TYPE and sample lines. */
  void writeTo(StringBuilder out);
}
