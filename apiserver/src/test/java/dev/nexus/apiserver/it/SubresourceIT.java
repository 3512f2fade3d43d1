package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status and scale subresources: each writes only its own part of the object. */
class SubresourceIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void statusWritesChangeStatusButNotSpec() {
    String ns = SERVER.newNamespace();
    ObjectNode obj = (ObjectNode) http.post(workloads(ns), workloadJson(ns, "web", 3)).json();
    obj.putObject("status").put("readyReplicas", 2).put("replicas", 3);
    ((ObjectNode) obj.get("spec")).put("replicas", 99);
    Http.Resp r = http.put(workload(ns, "web") + "/status", obj.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    JsonNode now = http.get(workload(ns, "web")).json();
    assertThat(now.path("status").path("readyReplicas").asInt()).isEqualTo(2);
    assertThat(now.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(now.path("metadata").path("generation").asLong()).isEqualTo(1);

    Http.Resp patched =
        http.patch(
            workload(ns, "web") + "/status",
            "{\"status\":{\"readyReplicas\":3},\"spec\":{\"replicas\":1}}");
    assertThat(patched.code()).isEqualTo(200);
    JsonNode after = http.get(workload(ns, "web") + "/status").json();
    assertThat(after.path("status").path("readyReplicas").asInt()).isEqualTo(3);
    assertThat(after.path("status").path("replicas").asInt()).isEqualTo(3);
    assertThat(after.path("spec").path("replicas").asInt()).isEqualTo(3);
  }

  @Test
  void statusSentThroughTheMainResourceIsIgnored() {
    String ns = SERVER.newNamespace();
    String withStatus =
        workloadJson(ns, "web", 1).strip().replaceFirst("}$", ",\"status\":{\"readyReplicas\":5}}");
    Http.Resp created = http.post(workloads(ns), withStatus);
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().has("status")).isFalse();

    http.patch(workload(ns, "web") + "/status", "{\"status\":{\"readyReplicas\":1}}");
    Http.Resp r = http.patch(workload(ns, "web"), "{\"status\":{\"readyReplicas\":7}}");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.json().path("status").path("readyReplicas").asInt()).isEqualTo(1);
    assertThat(http.get(workload(ns, "web")).json().path("status").path("readyReplicas").asInt())
        .isEqualTo(1);
  }

  @Test
  void scaleReadsAndWritesSpecReplicas() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 3));
    http.patch(workload(ns, "web") + "/status", "{\"status\":{\"replicas\":2}}");
    JsonNode scale = http.get(workload(ns, "web") + "/scale").json();
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.path("metadata").path("name").asText()).isEqualTo("web");
    assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(scale.path("status").path("replicas").asInt()).isEqualTo(2);
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=web");

    ((ObjectNode) scale.get("spec")).put("replicas", 6);
    Http.Resp put = http.put(workload(ns, "web") + "/scale", scale.toString());
    assertThat(put.code()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().path("spec").path("replicas").asInt()).isEqualTo(6);
    JsonNode obj = http.get(workload(ns, "web")).json();
    assertThat(obj.path("spec").path("replicas").asInt()).isEqualTo(6);
    assertThat(obj.path("metadata").path("generation").asLong()).isEqualTo(2);

    Http.Resp patch = http.patch(workload(ns, "web") + "/scale", "{\"spec\":{\"replicas\":1}}");
    assertThat(patch.code()).isEqualTo(200);
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(1);
  }

  @Test
  void aStaleScaleIs409AndABadReplicaCountIs422() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 3));
    JsonNode scale = http.get(workload(ns, "web") + "/scale").json();
    http.patch(workload(ns, "web"), "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}");
    Http.Resp stale = http.put(workload(ns, "web") + "/scale", scale.toString());
    assertThat(stale.code()).isEqualTo(409);

    Http.Resp negative = http.patch(workload(ns, "web") + "/scale", "{\"spec\":{\"replicas\":-1}}");
    assertThat(negative.code()).isEqualTo(422);
    assertThat(negative.json().path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("spec.replicas");
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(3);
  }

  @Test
  void kindsWithoutASubresourceAnswer404ForIt() {
    String ns = SERVER.newNamespace();
    Http.Resp lease =
        http.post(
            "/apis/nexus.dev/v1/namespaces/" + ns + "/leases",
            "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"l\"},"
                + "\"spec\":{\"holderIdentity\":\"me\"}}");
    assertThat(lease.code()).as(lease.toString()).isEqualTo(201);
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/" + ns + "/leases/l/scale").code())
        .isEqualTo(404);
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/" + ns + "/leases/l/status").code())
        .isEqualTo(404);
    assertThat(http.get(workload(ns, "web") + "/bogus").code()).isEqualTo(404);
  }
}
