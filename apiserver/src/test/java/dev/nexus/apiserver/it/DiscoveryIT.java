package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery documents in the shapes Kubernetes clients parse, and the system endpoints. */
class DiscoveryIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void coreGroupIsEmpty() {
    JsonNode api = http.get("/api").json();
    assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
    assertThat(api.path("versions").isArray()).isTrue();
    assertThat(api.path("versions")).isEmpty();
  }

  @Test
  void groupListNamesNexusWithItsPreferredVersion() {
    Http.Resp r =
        http.get(
            "/apis",
            "Accept",
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode list = r.json();
    assertThat(list.path("kind").asText()).isEqualTo("APIGroupList");
    assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
    JsonNode group = list.path("groups").get(0);
    assertThat(group.path("name").asText()).isEqualTo("nexus.dev");
    assertThat(group.path("versions").get(0).path("groupVersion").asText())
        .isEqualTo("nexus.dev/v1");
    assertThat(group.path("versions").get(0).path("version").asText()).isEqualTo("v1");
    assertThat(group.path("preferredVersion").path("groupVersion").asText())
        .isEqualTo("nexus.dev/v1");

    JsonNode one = http.get("/apis/nexus.dev").json();
    assertThat(one.path("kind").asText()).isEqualTo("APIGroup");
    assertThat(one.path("name").asText()).isEqualTo("nexus.dev");
    assertThat(http.get("/apis/other.io").code()).isEqualTo(404);
  }

  @Test
  void resourceListDescribesEveryKind() {
    JsonNode list = http.get("/apis/nexus.dev/v1").json();
    assertThat(list.path("kind").asText()).isEqualTo("APIResourceList");
    assertThat(list.path("groupVersion").asText()).isEqualTo("nexus.dev/v1");
    List<String> names = new ArrayList<>();
    JsonNode workloads = null;
    JsonNode scale = null;
    JsonNode namespaces = null;
    for (JsonNode r : list.path("resources")) {
      names.add(r.path("name").asText());
      switch (r.path("name").asText()) {
        case "workloads" -> workloads = r;
        case "workloads/scale" -> scale = r;
        case "namespaces" -> namespaces = r;
        default -> {}
      }
    }
    assertThat(names)
        .contains(
            "namespaces",
            "nodes",
            "leases",
            "workloads",
            "instances",
            "services",
            "serviceendpoints",
            "policies",
            "autoscalers",
            "customresourcedefinitions",
            "events",
            "workloads/status",
            "workloads/scale",
            "instances/status");
    assertThat(workloads.path("kind").asText()).isEqualTo("Workload");
    assertThat(workloads.path("singularName").asText()).isEqualTo("workload");
    assertThat(workloads.path("namespaced").asBoolean()).isTrue();
    assertThat(workloads.path("shortNames").get(0).asText()).isEqualTo("wl");
    List<String> verbs = new ArrayList<>();
    workloads.path("verbs").forEach(v -> verbs.add(v.asText()));
    assertThat(verbs)
        .containsExactly(
            "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    assertThat(namespaces.path("namespaced").asBoolean()).isFalse();
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
    assertThat(scale.path("version").asText()).isEqualTo("v1");
  }

  @Test
  void versionHealthAndReadiness() {
    JsonNode v = http.get("/version").json();
    assertThat(v.path("major").asText()).isEqualTo("1");
    assertThat(v.path("minor").asText()).matches("\\d+");
    assertThat(v.path("gitVersion").asText()).startsWith("v1.");
    assertThat(v.path("nexusVersion").asText()).isNotEmpty();
    assertThat(http.get("/healthz").body()).isEqualTo("ok");
    assertThat(http.get("/livez").code()).isEqualTo(200);
    Http.Resp ready = http.get("/readyz");
    assertThat(ready.code()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("ok");
  }

  @Test
  void openApiIsNotServed() {
    Http.Resp r = http.get("/openapi/v2");
    assertThat(r.code()).isEqualTo(404);
    assertThat(r.json().path("kind").asText()).isEqualTo("Status");
  }
}
