package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Optimistic concurrency: resourceVersion preconditions and retried blind writes. */
class ConcurrencyIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void aReplaceWithAStaleResourceVersionIs409AndWritesNothing() {
    String ns = SERVER.newNamespace();
    ObjectNode v1 = (ObjectNode) http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    Http.Resp bumped = http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":2}}");
    assertThat(bumped.code()).isEqualTo(200);

    ((ObjectNode) v1.get("spec")).put("replicas", 9);
    Http.Resp stale = http.put(workload(ns, "web"), v1.toString());
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.reason()).isEqualTo("Conflict");
    assertThat(stale.message()).contains("the object has been modified");
    JsonNode now = http.get(workload(ns, "web")).json();
    assertThat(now.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(now.path("metadata").path("resourceVersion"))
        .isEqualTo(bumped.json().path("metadata").path("resourceVersion"));
  }

  @Test
  void aPatchCarryingAStaleResourceVersionIs409() {
    String ns = SERVER.newNamespace();
    String rv =
        http.post(workloads(ns), workloadJson(ns, "web", 1))
            .json()
            .path("metadata")
            .path("resourceVersion")
            .asText();
    http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":2}}");
    Http.Resp stale =
        http.patch(
            workload(ns, "web"),
            "{\"metadata\":{\"resourceVersion\":\"" + rv + "\"},\"spec\":{\"replicas\":7}}");
    assertThat(stale.code()).isEqualTo(409);
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(2);
  }

  @Test
  void concurrentBlindPatchesAllApply() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    int writers = 8;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Http.Resp>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String label = "w" + i;
        results.add(
            pool.submit(
                () ->
                    http.patch(
                        workload(ns, "web"),
                        "{\"metadata\":{\"labels\":{\"" + label + "\":\"yes\"}}}")));
      }
      for (Future<Http.Resp> f : results) {
        assertThat(f.get().code()).as(f.get().toString()).isEqualTo(200);
      }
    }
    JsonNode labels = http.get(workload(ns, "web")).json().path("metadata").path("labels");
    for (int i = 0; i < writers; i++) {
      assertThat(labels.path("w" + i).asText()).as("label w" + i).isEqualTo("yes");
    }
  }

  @Test
  void concurrentCreatesOfOneNameSucceedOnce() throws Exception {
    String ns = SERVER.newNamespace();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Http.Resp>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> http.post(workloads(ns), workloadJson(ns, "web", 1))));
      }
      int created = 0;
      int exists = 0;
      for (Future<Http.Resp> f : results) {
        Http.Resp r = f.get();
        if (r.code() == 201) {
          created++;
        } else if (r.code() == 409 && r.reason().equals("AlreadyExists")) {
          exists++;
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(exists).isEqualTo(5);
    }
  }

  @Test
  void deletePreconditionsAreChecked() {
    String ns = SERVER.newNamespace();
    JsonNode obj = http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    Http.Resp wrongRv =
        http.delete(
            workload(ns, "web"),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\"1\"}}");
    assertThat(wrongRv.code()).isEqualTo(409);
    Http.Resp wrongUid =
        http.delete(
            workload(ns, "web"), "{\"preconditions\":{\"uid\":\"00000000-0000-0000-0000-0\"}}");
    assertThat(wrongUid.code()).isEqualTo(409);
    assertThat(http.get(workload(ns, "web")).code()).isEqualTo(200);
    Http.Resp right =
        http.delete(
            workload(ns, "web"),
            "{\"preconditions\":{\"uid\":\""
                + obj.path("metadata").path("uid").asText()
                + "\",\"resourceVersion\":\""
                + obj.path("metadata").path("resourceVersion").asText()
                + "\"}}");
    assertThat(right.code()).as(right.toString()).isEqualTo(200);
    assertThat(http.get(workload(ns, "web")).code()).isEqualTo(404);
  }
}
