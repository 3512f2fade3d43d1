package dev.nexus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.WatchOptions;
import java.nio.file.Files;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@NexusTest(watchHistoryWindow = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NexusServerExtensionIT {
  static TestServer staticServer;
  NexusClient client;
  TestServer server;

  @Test
  @Order(1)
  void injectsOneServerIntoFieldsAndParameters(NexusClient param, TestServer serverParam) {
    assertThat(staticServer).isSameAs(server).isSameAs(serverParam);
    assertThat(client).isSameAs(param).isSameAs(server.client());
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.uri().getPort()).isPositive();
    assertThat(Files.isDirectory(server.dataDir())).isTrue();
    // A real server: the initial namespaces exist and writes are stored.
    assertThat(client.get(BuiltinKinds.NAMESPACE, null, "default").uid()).isNotBlank();
    String ns = server.newNamespace();
    assertThat(client.get(BuiltinKinds.NAMESPACE, null, ns).name()).isEqualTo(ns);
  }

  @Test
  @Order(2)
  void appliesTheAnnotationsWatchHistoryWindow() {
    assertThat(server.config().store().watchHistoryWindow()).isEqualTo(5);
    String ns = server.newNamespace();
    String first = client.create(BuiltinKinds.LEASE, lease(ns, "l0")).resourceVersion();
    for (int i = 1; i <= 12; i++) {
      client.create(BuiltinKinds.LEASE, lease(ns, "l" + i));
    }
    // The revision is older than the five retained, so a watch from it is refused with 410.
    assertThatThrownBy(
            () -> client.watch(BuiltinKinds.LEASE, ns, WatchOptions.from(first), e -> {}))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(410));
  }

  @Test
  @Order(3)
  void restartKeepsDataPortAndClient() {
    String ns = server.newNamespace();
    client.create(BuiltinKinds.LEASE, lease(ns, "kept"));
    var before = server.uri();

    server.restart();

    assertThat(server.uri()).isEqualTo(before);
    Eventually.assertThat(
        () -> assertThat(client.get(BuiltinKinds.LEASE, ns, "kept").name()).isEqualTo("kept"));
    assertThat(client.list(BuiltinKinds.LEASE, ns, ListOptions.none()).items()).hasSize(1);
  }

  @Nested
  class NestedClass {
    @Test
    void sharesTheEnclosingClassesServer(TestServer nested) {
      assertThat(nested).isSameAs(staticServer);
    }
  }

  private static ApiObject lease(String ns, String name) {
    return ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, name);
  }
}
