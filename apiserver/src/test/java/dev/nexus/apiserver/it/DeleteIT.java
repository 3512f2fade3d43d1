package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finalizers, deletionTimestamp, namespace deletion, and delete options. */
class DeleteIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  private String withFinalizer(String ns, String name) {
    return workloadJson(ns, name, 1)
        .replaceFirst("\"labels\":", "\"finalizers\":[\"nexus.dev/test\"],\"labels\":");
  }

  @Test
  void finalizersHoldTheObjectUntilAnUpdateEmptiesThem() {
    String ns = SERVER.newNamespace();
    assertThat(http.post(workloads(ns), withFinalizer(ns, "web")).code()).isEqualTo(201);

    Http.Resp deleted = http.delete(workload(ns, "web"));
    assertThat(deleted.code()).isEqualTo(200);
    String deletionTimestamp = deleted.json().path("metadata").path("deletionTimestamp").asText();
    assertThat(deletionTimestamp).matches("\\d{4}-.*Z");
    JsonNode held = http.get(workload(ns, "web")).json();
    assertThat(held.path("metadata").path("deletionTimestamp").asText())
        .isEqualTo(deletionTimestamp);

    // Deleting again changes nothing.
    Http.Resp again = http.delete(workload(ns, "web"));
    assertThat(again.code()).isEqualTo(200);
    assertThat(again.json().path("metadata").path("resourceVersion"))
        .isEqualTo(held.path("metadata").path("resourceVersion"));

    // A client cannot take the deletionTimestamp away.
    Http.Resp undo = http.patch(workload(ns, "web"), "{\"metadata\":{\"deletionTimestamp\":null}}");
    assertThat(undo.code()).isEqualTo(200);
    assertThat(undo.json().path("metadata").path("deletionTimestamp").asText())
        .isEqualTo(deletionTimestamp);

    Http.Resp more =
        http.patch(
            workload(ns, "web"),
            "{\"metadata\":{\"finalizers\":[\"nexus.dev/test\",\"nexus.dev/late\"]}}");
    assertThat(more.code()).isEqualTo(422);
    assertThat(more.message()).contains("metadata.finalizers", "no new finalizers");

    Http.Resp released = http.patch(workload(ns, "web"), "{\"metadata\":{\"finalizers\":null}}");
    assertThat(released.code()).as(released.toString()).isEqualTo(200);
    assertThat(http.get(workload(ns, "web")).code()).isEqualTo(404);
  }

  @Test
  void deletingANamespaceDeletesWhatIsInIt() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "a", 1));
    http.post(workloads(ns), workloadJson(ns, "b", 1));
    Http.Resp r = http.delete("/apis/nexus.dev/v1/namespaces/" + ns);
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    assertThat(http.get(workload(ns, "a")).code()).isEqualTo(404);
    assertThat(http.get(workload(ns, "b")).code()).isEqualTo(404);
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/" + ns).code()).isEqualTo(404);
  }

  @Test
  void aNamespaceWhoseObjectsHaveFinalizersStaysTerminatingAndRefusesNewObjects() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), withFinalizer(ns, "held"));
    Http.Resp r = http.delete("/apis/nexus.dev/v1/namespaces/" + ns);
    assertThat(r.code()).isEqualTo(200);
    JsonNode nsObj = http.get("/apis/nexus.dev/v1/namespaces/" + ns).json();
    assertThat(nsObj.path("status").path("phase").asText()).isEqualTo("Terminating");
    assertThat(nsObj.path("metadata").has("deletionTimestamp")).isTrue();

    Http.Resp create = http.post(workloads(ns), workloadJson(ns, "new", 1));
    assertThat(create.code()).isEqualTo(403);
    assertThat(create.reason()).isEqualTo("Forbidden");
    assertThat(create.message()).contains("being terminated");
    assertThat(http.get(workload(ns, "new")).code()).isEqualTo(404);

    http.patch(workload(ns, "held"), "{\"metadata\":{\"finalizers\":[]}}");
    assertThat(http.get(workload(ns, "held")).code()).isEqualTo(404);
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/" + ns).code()).isEqualTo(404);
  }

  @Test
  void theInitialNamespacesCannotBeDeleted() {
    Http.Resp r = http.delete("/apis/nexus.dev/v1/namespaces/default");
    assertThat(r.code()).isEqualTo(403);
    assertThat(r.message()).contains("may not be deleted");
    assertThat(
            http.get("/apis/nexus.dev/v1/namespaces/default")
                .json()
                .path("metadata")
                .has("deletionTimestamp"))
        .isFalse();
  }

  @Test
  void propagationPolicyIsValidated() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp bad = http.delete(workload(ns, "web"), "{\"propagationPolicy\":\"Sideways\"}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.message())
        .contains("propagationPolicy", "Sideways", "Orphan, Background, Foreground");
    assertThat(http.get(workload(ns, "web")).code()).isEqualTo(200);
    Http.Resp ok =
        http.delete(
            workload(ns, "web"),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}");
    assertThat(ok.code()).isEqualTo(200);
  }

  @Test
  void deleteCollectionDeletesWhatTheSelectorMatches() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1, "web"));
    http.post(workloads(ns), workloadJson(ns, "db", 1, "db"));
    Http.Resp r = http.delete(workloads(ns) + "?labelSelector=app%3Dweb");
    assertThat(r.code()).isEqualTo(200);
    assertThat(ListIT.names(r.json())).containsExactly("web");
    assertThat(ListIT.names(http.get(workloads(ns)).json())).containsExactly("db");
  }
}
