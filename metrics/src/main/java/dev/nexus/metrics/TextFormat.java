package dev.nexus.metrics;

import java.util.List;

/** Formatting rules of the Prometheus text exposition format 0.0.4. */
final class TextFormat {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private TextFormat() {}

  static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** Appends {@code name{l1="v1",...,extraName="extraValue"} value}. */
  static void sample(
      StringBuilder out,
      String name,
      List<String> labelNames,
      List<String> labelValues,
      String extraName,
      String extraValue,
      double value) {
    out.append(name);
    if (!labelNames.isEmpty() || extraName != null) {
      out.append('{');
      for (int i = 0; i < labelNames.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labelNames.get(i)).append("=\"").append(escapeLabel(labelValues.get(i)));
        out.append('"');
      }
      if (extraName != null) {
        if (!labelNames.isEmpty()) {
          out.append(',');
        }
        out.append(extraName).append("=\"").append(escapeLabel(extraValue)).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(number(value)).append('\n');
  }

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static String escapeLabel(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** Metric and label names must match {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
  static String checkName(String name) {
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("invalid metric or label name: " + name);
    }
    return name;
  }
}
