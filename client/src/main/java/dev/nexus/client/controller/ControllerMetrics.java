package dev.nexus.client.controller;

import dev.nexus.metrics.Counter;
import dev.nexus.metrics.Gauge;
import dev.nexus.metrics.Histogram;
import dev.nexus.metrics.MetricsRegistry;

/**
 * One controller's metrics, recorded on a shared {@link MetricsRegistry} and labelled {@code
 * controller=<name>}:
 *
 * <ul>
 *   <li>{@code nexus_controller_queue_depth}: keys waiting for a worker;
 *   <li>{@code nexus_controller_reconcile_total{result}}: reconciles by outcome, one of {@code
 *       success}, {@code requeue_after}, {@code error}, {@code terminal}, {@code panic};
 *   <li>{@code nexus_controller_reconcile_errors_total}: reconciles that failed in any way;
 *   <li>{@code nexus_controller_reconcile_seconds}: how long reconciles took.
 * </ul>
 */
public final class ControllerMetrics {
  public static final String QUEUE_DEPTH = "nexus_controller_queue_depth";
  public static final String RECONCILE_TOTAL = "nexus_controller_reconcile_total";
  public static final String RECONCILE_ERRORS = "nexus_controller_reconcile_errors_total";
  public static final String RECONCILE_SECONDS = "nexus_controller_reconcile_seconds";

  /** How a reconcile ended, as the {@code result} label says it. */
  public enum Outcome {
    SUCCESS("success", false),
    REQUEUE_AFTER("requeue_after", false),
    ERROR("error", true),
    TERMINAL("terminal", true),
    PANIC("panic", true);

    private final String label;
    private final boolean failed;

    Outcome(String label, boolean failed) {
      this.label = label;
      this.failed = failed;
    }

    public String label() {
      return label;
    }
  }

  private final String controller;
  private final Gauge depth;
  private final Counter total;
  private final Counter errors;
  private final Histogram seconds;

  public ControllerMetrics(MetricsRegistry registry, String controller) {
    this.controller = controller;
    this.depth = registry.gauge(QUEUE_DEPTH, "Keys waiting in a controller's queue.", "controller");
    this.total =
        registry.counter(
            RECONCILE_TOTAL, "Reconciles by controller and result.", "controller", "result");
    this.errors =
        registry.counter(
            RECONCILE_ERRORS,
            "Reconciles that threw (retried, terminal or panic), by controller.",
            "controller");
    this.seconds =
        registry.histogram(
            RECONCILE_SECONDS,
            "Time spent in reconcile, by controller.",
            Histogram.LATENCY_SECONDS,
            "controller");
    depth.set(0, controller);
    for (Outcome o : Outcome.values()) {
      total.add(0, controller, o.label());
    }
    errors.add(0, controller);
  }

  public void queueDepth(int keys) {
    depth.set(keys, controller);
  }

  /** Records one reconcile that began at {@code startNanos} ({@link System#nanoTime()}). */
  public void reconciled(Outcome outcome, long startNanos) {
    seconds.observeSince(startNanos, controller);
    total.inc(controller, outcome.label());
    if (outcome.failed) {
      errors.inc(controller);
    }
  }

  public double count(Outcome outcome) {
    return total.value(controller, outcome.label());
  }

  public double errorCount() {
    return errors.value(controller);
  }

  public long queueDepth() {
    return depth.value(controller);
  }
}
