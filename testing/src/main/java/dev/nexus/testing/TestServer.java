package dev.nexus.testing;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.client.NexusClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One in-process API server started by {@link NexusServerExtension}, with a client shared by the
 * test class. The data directory outlives {@link #restart()}, so a test can check what survives a
 * restart; it is deleted when the class ends. Thread-safe.
 */
public final class TestServer implements AutoCloseable {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final Path dataDir;
  private ApiServerConfig config;
  private ApiServer server;
  private NexusClient client;

  TestServer(Path dataDir, ApiServerConfig config) throws IOException {
    this.dataDir = dataDir;
    this.server = ApiServer.start(config);
    // Later starts reuse the port, so the shared client (and any the test made) keeps working.
    this.config = config.toBuilder().port(server.port()).build();
    this.client = NexusClient.forServer(uri());
  }

  /** {@code http://127.0.0.1:port} of the running server. */
  public synchronized URI uri() {
    return URI.create(server.url());
  }

  /** The client shared by the test class; it survives {@link #restart()}. */
  public synchronized NexusClient client() {
    return client;
  }

  /** A new client of this server; the caller closes it. */
  public NexusClient newClient() {
    return NexusClient.forServer(uri());
  }

  /** The running server, for tests that look at storage, the registry or metrics. */
  public synchronized ApiServer apiServer() {
    return server;
  }

  /** The configuration the server runs (or will restart) with. */
  public synchronized ApiServerConfig config() {
    return config;
  }

  /** Where the Raft log and the LMDB database live. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Stops the server and starts it again on the same data directory and port. Open watches end;
   * every object written before survives.
   */
  public void restart() {
    restart(b -> b);
  }

  /**
   * Stops the server and starts it again on the same data directory and port with a changed
   * configuration (for example a smaller watch history window).
   */
  public synchronized void restart(UnaryOperator<ApiServerConfig.Builder> change) {
    server.close();
    config = change.apply(config.toBuilder()).build();
    try {
      server = ApiServer.start(config);
    } catch (IOException e) {
      throw new UncheckedIOException("could not restart the API server in " + dataDir, e);
    }
  }

  /**
   * Creates a namespace with a fresh name, so tests in one class do not see each other's objects.
   */
  public String newNamespace() {
    String name = "t" + NAMESPACES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    client()
        .create(
            BuiltinKinds.NAMESPACE,
            ApiObject.of(BuiltinKinds.API_VERSION, "Namespace", null, name));
    return name;
  }

  /**
   * Stops the server first: that ends the watches still open on the shared client (informers a test
   * did not close), which the client's close would otherwise wait for.
   */
  @Override
  public synchronized void close() {
    try {
      server.close();
    } finally {
      client.close();
    }
  }
}
