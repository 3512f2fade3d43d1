package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloadYaml;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, get, list, replace, merge patch and delete of a Workload over HTTP. */
class CrudIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void createSetsServerFieldsAndGetReturnsTheSameObject() {
    String ns = SERVER.newNamespace();
    Http.Resp created = http.post(workloads(ns), workloadJson(ns, "web", 3));
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    JsonNode meta = created.json().path("metadata");
    assertThat(meta.path("uid").asText()).matches("[0-9a-f-]{36}");
    assertThat(meta.path("creationTimestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(meta.path("generation").asLong()).isEqualTo(1);
    assertThat(meta.path("resourceVersion").asText()).matches("\\d+");

    Http.Resp got = http.get(workload(ns, "web"));
    assertThat(got.code()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(created.json());
  }

  @Test
  void yamlBodiesAreAccepted() {
    String ns = SERVER.newNamespace();
    Http.Resp created =
        http.post(workloads(ns), workloadYaml(ns, "web", 2), "Content-Type", "application/yaml");
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("spec").path("replicas").asInt()).isEqualTo(2);
  }
}
