package dev.nexus.apiserver.metrics;

import dev.nexus.metrics.Counter;
import dev.nexus.metrics.Gauge;
import dev.nexus.metrics.Histogram;
import dev.nexus.metrics.JvmMetrics;
import dev.nexus.metrics.MetricsRegistry;

/**
 * The API server's own metrics, created once per server and handed to the components that record
 * them.
 */
public final class ApiMetrics {
  private final MetricsRegistry registry;
  private final Counter requests;
  private final Histogram requestDuration;
  private final Gauge watches;
  private final Counter watchResumes;

  public ApiMetrics(MetricsRegistry registry) {
    this.registry = registry;
    this.requests =
        registry.counter(
            "nexus_apiserver_requests_total",
            "API requests by verb, kind and HTTP status code.",
            "verb",
            "kind",
            "code");
    this.requestDuration =
        registry.histogram(
            "nexus_apiserver_request_duration_seconds",
            "Time to answer an API request (watches excluded), by verb and kind.",
            Histogram.LATENCY_SECONDS,
            "verb",
            "kind");
    this.watches = registry.gauge("nexus_apiserver_watches", "Open watch streams.");
    this.watchResumes =
        registry.counter(
            "nexus_apiserver_watch_resumes_total",
            "Times a watch's queue overflowed (slow client, or catching up from far behind) and"
                + " the server registered it again after the last event it wrote.");
    JvmMetrics.register(registry);
  }

  public MetricsRegistry registry() {
    return registry;
  }

  public void request(String verb, String kind, int code, long startNanos) {
    requests.inc(verb, kind, Integer.toString(code));
    if (!"watch".equals(verb)) {
      requestDuration.observeSince(startNanos, verb, kind);
    }
  }

  public Gauge watches() {
    return watches;
  }

  public Counter watchResumes() {
    return watchResumes;
  }
}
