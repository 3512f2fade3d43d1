package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tables for kubectl get: columns per kind, when the Accept header asks for one. */
class TableIT {
  private static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void listsAndObjectsComeAsTables() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 3));
    http.patch(workload(ns, "web") + "/status", "{\"status\":{\"readyReplicas\":2}}");
    Http.Resp r = http.get(workloads(ns), "Accept", TABLE);
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("as=Table");
    JsonNode table = r.json();
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    List<String> columns = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("Name", "Ready", "Up-to-date", "Available", "Age");
    JsonNode row = table.path("rows").get(0);
    assertThat(row.path("cells").get(0).asText()).isEqualTo("web");
    assertThat(row.path("cells").get(1).asText()).isEqualTo("2/3");
    assertThat(row.path("cells").get(4).asText()).matches("\\d+s");
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("namespace").asText()).isEqualTo(ns);

    JsonNode one = http.get(workload(ns, "web"), "Accept", TABLE).json();
    assertThat(one.path("rows")).hasSize(1);

    // Without spec.replicas a Workload wants one Instance, and says so.
    http.post(workloads(ns), workloadJson(ns, "lone", 1).replace("\"replicas\":1,", ""));
    JsonNode lone = http.get(workload(ns, "lone"), "Accept", TABLE).json();
    assertThat(lone.path("rows").get(0).path("cells").get(1).asText()).isEqualTo("0/1");
    assertThat(http.get(workload(ns, "web")).json().path("kind").asText()).isEqualTo("Workload");
  }
}
