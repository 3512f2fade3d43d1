package dev.nexus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.kinds.BuiltinKinds;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class NexusClientUnreachableTest {
  @Test
  void refusedConnectionNamesTheUrlAndTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (NexusClient client = NexusClient.forServer(URI.create("http://127.0.0.1:" + port))) {
      assertThatThrownBy(() -> client.get(BuiltinKinds.WORKLOAD, "default", "web"))
          .isInstanceOf(ConnectionException.class)
          .hasMessage(
              "cannot reach Nexus at http://127.0.0.1:"
                  + port
                  + ": connection refused (is `nexus up` running?)")
          .satisfies(e -> assertThat(((ConnectionException) e).code()).isEqualTo(503));
    }
  }

  @Test
  void serverUrlMustBeHttp() {
    assertThatThrownBy(() -> NexusClient.forServer(URI.create("localhost:7420")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server URL \"localhost:7420\" must look like http://HOST:PORT");
    assertThatThrownBy(
            () -> NexusClient.forContext(new ClientConfig.Context("x", "ftp://h:1", null)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("context \"x\": server URL \"ftp://h:1\" must look like http://HOST:PORT");
    assertThatThrownBy(() -> NexusClient.forContext(new ClientConfig.Context("x", null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("context \"x\" has no server URL");
  }

  @Test
  void trailingSlashIsDropped() {
    try (NexusClient client = NexusClient.forServer(URI.create("http://127.0.0.1:7420/"))) {
      assertThat(client.server()).hasToString("http://127.0.0.1:7420");
    }
  }
}
