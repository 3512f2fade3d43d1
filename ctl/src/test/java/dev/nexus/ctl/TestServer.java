package dev.nexus.ctl;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import dev.nexus.client.NexusClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real API server (one-member Ratis group, LMDB in a temp dir, HTTP on an ephemeral loopback
 * port) shared by every integration test of this JVM; tests isolate themselves in fresh namespaces.
 * Stopped and deleted when the JVM exits.
 */
public final class TestServer {
  private static TestServer instance;
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final ApiServer server;
  private final URI uri;

  private TestServer(ApiServer server) {
    this.server = server;
    this.uri = URI.create(server.url());
  }

  public static synchronized TestServer get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("nexus-ctl-it");
        ApiServer server =
            ApiServer.start(
                ApiServerConfig.builder(StoreConfig.builder(dir.resolve("data")).build())
                    .port(0)
                    .build());
        instance = new TestServer(server);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.close();
                      delete(dir);
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public URI uri() {
    return uri;
  }

  /**
   * The CLI pointed at this server, with a config file that does not exist under {@code dir}, so
   * the machine's own {@code ~/.nexus/config} never leaks into a test.
   */
  public Cli cli(Path dir) {
    return new Cli("--server", uri.toString(), "--config", dir.resolve("no-config").toString());
  }

  /** Creates a namespace no other test uses and returns its name. */
  public String newNamespace(NexusClient client) {
    String name = "t" + NAMESPACES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    ApiObject ns = ApiObject.of(BuiltinKinds.API_VERSION, "Namespace", null, name);
    client.create(BuiltinKinds.NAMESPACE, ns);
    return name;
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit; the OS cleans temp directories eventually.
    }
  }
}
