package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.CrdIT.causes;
import static dev.nexus.apiserver.it.Crds.CRDS;
import static dev.nexus.apiserver.it.Crds.database;
import static dev.nexus.apiserver.it.Crds.databases;
import static dev.nexus.apiserver.it.Crds.dbJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kinds served come from the stored CRDs: a server stopped and started again on the same data
 * directory serves the CRD's kind, its objects and its schema from the first request.
 */
class CrdRestartIT {
  private Path dir;

  @AfterEach
  void cleanUp() {
    ServerExtension.deleteRecursively(dir);
  }

  @Test
  void aRestartedServerStillServesTheCustomKind() throws Exception {
    dir = Files.createTempDirectory("nexus-crd-restart");
    String group = "restart.example.com";
    String dbs = databases(group, "default");
    try (ApiServer server = ApiServer.start(ServerExtension.config(dir).build());
        Http http = new Http(server.url())) {
      assertThat(http.post(CRDS, database(group).toString()).code()).isEqualTo(201);
      assertThat(http.post(dbs, dbJson(group, "default", "orders", "small", 2)).code())
          .isEqualTo(201);
    }
    try (ApiServer server = ApiServer.start(ServerExtension.config(dir).build());
        Http http = new Http(server.url())) {
      assertThat(http.get(dbs + "/orders").json().at("/spec/replicas").asInt()).isEqualTo(2);
      assertThat(http.get("/apis/" + group + "/v1").code()).isEqualTo(200);
      Http.Resp bad = http.post(dbs, dbJson(group, "default", "other", "huge", 1));
      assertThat(bad.code()).isEqualTo(422);
      assertThat(causes(bad))
          .containsExactly("spec.size: must be one of [small, large], got \"huge\"");
      assertThat(http.patch(dbs + "/orders/status", "{\"status\":{\"ready\":2}}").code())
          .isEqualTo(200);
      assertThat(http.get(dbs + "/orders/scale").json().at("/status/replicas").asInt())
          .isEqualTo(2);
    }
  }
}
