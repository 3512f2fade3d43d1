package dev.nexus.launcher;

import dev.nexus.client.ClientConfig;
import dev.nexus.client.NexusClient;
import dev.nexus.controllers.Controllers;
import dev.nexus.controllers.ControllersOptions;
import dev.nexus.controllers.MetricsServer;
import dev.nexus.metrics.JvmMetrics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nexus controllers}: the built-in controllers (workload, garbage collector) as a process of
 * their own, against any Nexus API server. Run several for availability: they elect a leader on the
 * Lease {@code nexus-system/nexus-controllers} and only the leader acts. Runs until SIGTERM or
 * Ctrl-C, then releases the Lease so a standby takes over at once.
 */
@Command(
    name = "controllers",
    mixinStandardHelpOptions = true,
    description = "Run the built-in controllers (workload, garbage collector), leader-elected.")
final class ControllersCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ControllersCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--server",
      description = "API server URL, e.g. http://127.0.0.1:7420 (default: from the context).")
  String server;

  @Option(
      names = "--context",
      description = "nexusctl context whose servers to use (default: the current context).")
  String context;

  @Option(
      names = "--metrics-port",
      description =
          "Port of /metrics and /healthz on --metrics-host; 0 picks a free one, -1 turns them off"
              + " (default: ${DEFAULT-VALUE}).")
  int metricsPort = 7425;

  @Option(
      names = "--metrics-host",
      description = "Address /metrics listens on (default: ${DEFAULT-VALUE}).")
  String metricsHost = "127.0.0.1";

  @Option(
      names = "--identity",
      description = "This copy's name in the leader Lease (default: host name and a random id).")
  String identity;

  @Option(
      names = "--workload-workers",
      description = "Workloads reconciled at once (default: ${DEFAULT-VALUE}).")
  int workloadWorkers = dev.nexus.controllers.workload.WorkloadController.DEFAULT_WORKERS;

  @Override
  public Integer call() throws Exception {
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--metrics-port: must be within -1..65535, was " + metricsPort);
    }
    if (workloadWorkers < 1) {
      throw new ParameterException(
          spec.commandLine(), "--workload-workers: must be at least 1, was " + workloadWorkers);
    }
    NexusClient client = client();
    ControllersOptions options = ControllersOptions.defaults().withWorkloadWorkers(workloadWorkers);
    if (identity != null && !identity.isBlank()) {
      options = options.withIdentity(identity);
    }
    JvmMetrics.register(options.metrics());
    Controllers controllers = Controllers.start(client, options);
    MetricsServer metrics =
        metricsPort < 0
            ? null
            : MetricsServer.start(
                metricsHost, metricsPort, options.metrics(), controllers::isLeading);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("nexus-shutdown")
                .unstarted(
                    () -> {
                      LOG.info("stopping: releasing the lease and closing the controllers");
                      controllers.close();
                      if (metrics != null) {
                        metrics.close();
                      }
                      client.close();
                      stopped.countDown();
                    }));
    spec.commandLine()
        .getOut()
        .printf(
            "Nexus controllers for %s as \"%s\"%s. Ctrl-C stops.%n",
            client.server(),
            options.identity(),
            metrics == null
                ? ""
                : ", metrics on http://" + metricsHost + ":" + metrics.port() + "/metrics");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private NexusClient client() {
    if (server != null && !server.isBlank()) {
      try {
        return NexusClient.forServer(URI.create(server));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--server: " + e.getMessage());
      }
    }
    Path path = ClientConfig.defaultPath();
    ClientConfig config =
        Files.exists(path) ? ClientConfig.load(path) : ClientConfig.builtinDefault();
    return NexusClient.forContext(context == null ? config.current() : config.context(context));
  }
}
