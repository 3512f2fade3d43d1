package dev.nexus.launcher;

import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import dev.nexus.client.ClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nexus up}: the embedded default. Runs a one-member Raft group and the API server in this
 * process, listening on loopback only, then writes a {@code nexusctl} context pointing at it. Runs
 * until interrupted (Ctrl-C or SIGTERM), then closes the server, which flushes storage. Unless told
 * {@code --no-controllers}, the built-in controllers run in this process too, started once the API
 * is ready and stopped before it.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Run the embedded default: API server and storage in one process, on loopback.")
final class UpCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      description = "Where Raft log, snapshots and LMDB live (default: ~/.nexus/data).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".nexus", "data");

  @Option(
      names = "--port",
      description = "HTTP port of the API server on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port = 7420;

  @Option(
      names = "--context",
      description = "Name of the nexusctl context to write (default: ${DEFAULT-VALUE}).")
  String context = "local";

  @Option(
      names = "--controllers",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Run the built-in controllers (workload, garbage collector) in this process once the API"
              + " is ready (default: on; --no-controllers for the API server alone).")
  boolean controllers = true;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port: must be within 1..65535, was " + port);
    }
    long started = System.nanoTime();
    Files.createDirectories(dataDir);
    ApiServerConfig config =
        ApiServerConfig.builder(StoreConfig.builder(dataDir).build())
            .host("127.0.0.1")
            .port(port)
            .build();
    ApiServer server = ApiServer.start(config);
    // The API is ready now; the controllers start in the background (leadership, first lists), so
    // they add nothing to the time to ready.
    InProcessControllers inProcess = controllers ? InProcessControllers.start(server) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("nexus-shutdown")
                .unstarted(
                    () -> {
                      if (inProcess != null) {
                        LOG.info("stopping: closing the controllers");
                        inProcess.close();
                      }
                      LOG.info("stopping: closing the API server and storage");
                      server.close();
                      stopped.countDown();
                    }));
    Path configPath = writeClientContext(server.url());
    long readyMs = (System.nanoTime() - started) / 1_000_000;
    spec.commandLine()
        .getOut()
        .printf(
            "Nexus is up: API %s, data %s, ready in %d ms%s.%n"
                + "nexusctl context \"%s\" written to %s. Ctrl-C stops.%n",
            server.url(),
            dataDir.toAbsolutePath(),
            readyMs,
            controllers ? ", controllers starting" : "",
            context,
            configPath);
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  /** Adds or replaces the context for this server, making it current. */
  private Path writeClientContext(String url) {
    Path path = ClientConfig.defaultPath();
    ClientConfig existing = Files.exists(path) ? ClientConfig.load(path) : ClientConfig.empty();
    existing
        .withContext(new ClientConfig.Context(context, url, null))
        .withCurrentContext(context)
        .save(path);
    return path;
  }
}
