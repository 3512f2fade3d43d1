package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.http.ApiRouting;
import dev.nexus.apiserver.registry.ResourceRegistry;
import dev.nexus.apiserver.storage.raft.RaftStore;
import dev.nexus.metrics.MetricsRegistry;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's routing can be mounted on a web server someone else builds (Helidon style): the
 * launcher or a test composes it with its own routes and listener.
 */
class RoutingIT {
  @TempDir Path dir;

  @Test
  void theApiMountsOnAnotherWebServerNextToItsOwnRoutes() throws Exception {
    ApiServerConfig config = ServerExtension.config(dir).build();
    try (RaftStore store = RaftStore.open(config.store())) {
      assertThat(store.awaitReady(Duration.ofSeconds(30))).isTrue();
      ResourceRegistry registry =
          new ResourceRegistry(
              store,
              KindRegistry.builtin(),
              config.clock(),
              config.maxBodyBytes(),
              config.commitTimeout());
      registry.ensureNamespaces(ApiServer.INITIAL_NAMESPACES);
      HttpRouting.Builder routing =
          HttpRouting.builder().get("/hello", (req, res) -> res.send("hi"));
      ApiRouting api = ApiServer.routing(routing, registry, new MetricsRegistry(), config);
      WebServer web =
          WebServer.builder()
              .host("127.0.0.1")
              .port(0)
              .directHandlers(ApiRouting.directHandlers())
              .routing(routing)
              .build()
              .start();
      try (Http http = new Http("http://127.0.0.1:" + web.port())) {
        assertThat(http.get("/hello").body()).isEqualTo("hi");
        assertThat(http.get("/apis/nexus.dev/v1/namespaces/default").code()).isEqualTo(200);
        Http.Resp missing = http.get("/apis/nexus.dev/v1/namespaces/default/workloads/none");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.reason()).isEqualTo("NotFound");
      } finally {
        api.closeWatches();
        web.stop();
      }
    }
  }
}
