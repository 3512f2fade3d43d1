package dev.nexus.controllers;

import dev.nexus.metrics.MetricsRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * How {@link Controllers} runs.
 *
 * @param leaseNamespace namespace of the leader-election Lease (created when missing)
 * @param leaseName name of the Lease; every copy of the controllers that uses it runs one at a time
 * @param identity this copy's name in the Lease; a restarted copy with the same identity takes its
 *     own Lease back at once instead of waiting for it to expire
 * @param workloadWorkers Workloads reconciled at once
 * @param metrics where controller metrics are recorded (the API server's own registry when the
 *     controllers run inside {@code nexus up}, so its /metrics shows them too)
 */
public record ControllersOptions(
    String leaseNamespace,
    String leaseName,
    String identity,
    int workloadWorkers,
    MetricsRegistry metrics) {

  public static final String DEFAULT_LEASE_NAMESPACE = "nexus-system";
  public static final String DEFAULT_LEASE_NAME = "nexus-controllers";

  public ControllersOptions {
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(metrics, "metrics");
    if (workloadWorkers < 1) {
      throw new IllegalArgumentException(
          "workload workers: must be at least 1, was " + workloadWorkers);
    }
  }

  /** The defaults: Lease nexus-system/nexus-controllers, a unique identity, 8 workers. */
  public static ControllersOptions defaults() {
    return new ControllersOptions(
        DEFAULT_LEASE_NAMESPACE,
        DEFAULT_LEASE_NAME,
        hostName() + "-" + UUID.randomUUID().toString().substring(0, 8),
        dev.nexus.controllers.workload.WorkloadController.DEFAULT_WORKERS,
        new MetricsRegistry());
  }

  public ControllersOptions withIdentity(String id) {
    return new ControllersOptions(leaseNamespace, leaseName, id, workloadWorkers, metrics);
  }

  public ControllersOptions withMetrics(MetricsRegistry registry) {
    return new ControllersOptions(leaseNamespace, leaseName, identity, workloadWorkers, registry);
  }

  public ControllersOptions withWorkloadWorkers(int workers) {
    return new ControllersOptions(leaseNamespace, leaseName, identity, workers, metrics);
  }

  /** This machine's host name, or "localhost" when it has none the JDK can read. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
