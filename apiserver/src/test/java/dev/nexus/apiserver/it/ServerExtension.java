package dev.nexus.apiserver.it;

import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real API server for one test class: a one-member Raft group over LMDB in a temporary directory,
 * HTTP on an ephemeral loopback port. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private final UnaryOperator<ApiServerConfig.Builder> tweak;
  private Path dir;
  private ApiServer server;
  private Http http;

  public ServerExtension() {
    this(b -> b);
  }

  public ServerExtension(UnaryOperator<ApiServerConfig.Builder> tweak) {
    this.tweak = tweak;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("nexus-apiserver-it");
    server = ApiServer.start(tweak.apply(config(dir)).build());
    http = new Http(server.url());
  }

  static ApiServerConfig.Builder config(Path dir) {
    return ApiServerConfig.builder(StoreConfig.builder(dir).watchCacheRevisions(256).build())
        .readyTimeout(Duration.ofSeconds(30));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
    deleteRecursively(dir);
  }

  public ApiServer server() {
    return server;
  }

  public Http http() {
    return http;
  }

  /** Creates a fresh namespace so tests in one class do not see each other's objects. */
  public String newNamespace() {
    String name = "t" + NAMESPACES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    Http.Resp r =
        http.post(
            "/apis/nexus.dev/v1/namespaces",
            "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name
                + "\"}}");
    if (r.code() != 201) {
      throw new IllegalStateException("could not create namespace " + name + ": " + r);
    }
    return name;
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
