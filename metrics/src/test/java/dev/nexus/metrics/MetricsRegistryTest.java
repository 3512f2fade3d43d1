package dev.nexus.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  private final MetricsRegistry registry = new MetricsRegistry();

  @Test
  void countersAreWrittenInTheTextFormatWithSortedSeries() {
    Counter c = registry.counter("requests_total", "Requests.", "verb", "code");
    c.inc("get", "200");
    c.inc("get", "200");
    c.add(3, "create", "201");
    assertThat(registry.scrape())
        .isEqualTo(
            """
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{verb="create",code="201"} 3
            requests_total{verb="get",code="200"} 2
            """);
  }

  @Test
  void histogramsAreCumulativeWithSumAndCount() {
    Histogram h = registry.histogram("latency_seconds", "Latency.", new double[] {0.1, 0.5}, "op");
    h.observe(0.05, "get");
    h.observe(0.1, "get");
    h.observe(0.3, "get");
    h.observe(2, "get");
    assertThat(registry.scrape())
        .contains("latency_seconds_bucket{op=\"get\",le=\"0.1\"} 2\n")
        .contains("latency_seconds_bucket{op=\"get\",le=\"0.5\"} 3\n")
        .contains("latency_seconds_bucket{op=\"get\",le=\"+Inf\"} 4\n")
        .contains("latency_seconds_sum{op=\"get\"} 2.45\n")
        .contains("latency_seconds_count{op=\"get\"} 4\n");
  }

  @Test
  void gaugesGoUpAndDownAndCallbacksAreReadAtScrape() {
    Gauge g = registry.gauge("watches", "Open watches.");
    g.inc();
    g.inc();
    g.dec();
    double[] value = {7};
    registry.gauge("reading", "Read at scrape.", () -> value[0]);
    registry.gauge("labelled", "By area.", List.of("area"), () -> Map.of(List.of("heap"), 1.5));
    value[0] = 8;
    String text = registry.scrape();
    assertThat(text).contains("watches 1\n", "reading 8\n", "labelled{area=\"heap\"} 1.5\n");
    assertThat(g.value()).isEqualTo(1);
  }

  @Test
  void labelValuesAreEscaped() {
    registry.counter("c", "help with \\ and\nnewline", "l").inc("a\"b\\c\nd");
    assertThat(registry.scrape())
        .contains("# HELP c help with \\\\ and\\nnewline\n")
        .contains("c{l=\"a\\\"b\\\\c\\nd\"} 1\n");
  }

  @Test
  void misuseIsRefused() {
    Counter c = registry.counter("x_total", "X.", "a");
    assertThatThrownBy(() -> c.inc("1", "2")).hasMessageContaining("expected 1 label values");
    assertThatThrownBy(() -> c.add(-1, "1")).hasMessageContaining("only goes up");
    assertThatThrownBy(() -> registry.gauge("x_total", "again")).hasMessageContaining("already");
    assertThatThrownBy(() -> registry.counter("bad-name", "x")).hasMessageContaining("bad-name");
    assertThat(registry.counter("x_total", "X.", "a")).isSameAs(c);
  }

  @Test
  void callbackHistogramsRenderAReading() {
    registry.histogram(
        "apply_seconds",
        "Apply.",
        () -> new CallbackHistogram.Reading(new double[] {0.001, 0.01}, new long[] {3, 5}, 6, 0.5));
    assertThat(registry.scrape())
        .contains("apply_seconds_bucket{le=\"0.001\"} 3\n")
        .contains("apply_seconds_bucket{le=\"0.01\"} 5\n")
        .contains("apply_seconds_bucket{le=\"+Inf\"} 6\n")
        .contains("apply_seconds_count 6\n");
  }
}
