package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloadYaml;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, get, replace, merge patch and delete over HTTP, and the server-set fields. */
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
  void clientCannotSetUidTimestampsOrGenerationOnCreate() {
    String ns = SERVER.newNamespace();
    ObjectNode body = (ObjectNode) new Http.Resp(0, workloadJson(ns, "web", 1), null).json();
    ObjectNode meta = (ObjectNode) body.get("metadata");
    meta.put("uid", "mine");
    meta.put("creationTimestamp", "2000-01-01T00:00:00Z");
    meta.put("generation", 42);
    meta.put("resourceVersion", "999999");
    Http.Resp created = http.post(workloads(ns), body.toString());
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    JsonNode m = created.json().path("metadata");
    assertThat(m.path("uid").asText()).isNotEqualTo("mine");
    assertThat(m.path("creationTimestamp").asText()).doesNotStartWith("2000");
    assertThat(m.path("generation").asLong()).isEqualTo(1);
    assertThat(m.path("resourceVersion").asText()).isNotEqualTo("999999");
  }

  @Test
  void generateNameGivesAUniqueName() {
    String ns = SERVER.newNamespace();
    String body =
        workloadJson(ns, "ignored", 1).replace("\"name\":\"ignored\"", "\"generateName\":\"web-\"");
    Http.Resp a = http.post(workloads(ns), body);
    Http.Resp b = http.post(workloads(ns), body);
    assertThat(a.code()).as(a.toString()).isEqualTo(201);
    assertThat(b.code()).isEqualTo(201);
    String nameA = a.json().path("metadata").path("name").asText();
    assertThat(nameA).matches("web-[a-z0-9]{5}");
    assertThat(b.json().path("metadata").path("name").asText()).isNotEqualTo(nameA);
  }

  @Test
  void aBadGenerateNameIsRefusedNamingTheField() {
    String ns = SERVER.newNamespace();
    String body =
        workloadJson(ns, "ignored", 1).replace("\"name\":\"ignored\"", "\"generateName\":\"Web_\"");

    Http.Resp r = http.post(workloads(ns), body);

    assertThat(r.code()).as(r.toString()).isEqualTo(422);
    assertThat(r.body()).contains("metadata.generateName", "DNS-1123 subdomain prefix");
    assertThat(http.get(workloads(ns)).json().path("items")).isEmpty();
  }

  @Test
  void yamlBodiesAreAccepted() {
    String ns = SERVER.newNamespace();
    Http.Resp created =
        http.post(workloads(ns), workloadYaml(ns, "web", 2), "Content-Type", "application/yaml");
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void namespaceMayBeLeftOutOfTheBodyAndComesFromTheUrl() {
    String ns = SERVER.newNamespace();
    String body = workloadJson(ns, "web", 1).replace(",\"namespace\":\"" + ns + "\"", "");
    Http.Resp created = http.post(workloads(ns), body);
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("metadata").path("namespace").asText()).isEqualTo(ns);
  }

  @Test
  void replaceBumpsGenerationOnlyWhenSpecChanges() {
    String ns = SERVER.newNamespace();
    ObjectNode obj = (ObjectNode) http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    String rv1 = obj.path("metadata").path("resourceVersion").asText();

    ((ObjectNode) obj.path("metadata").path("labels")).put("tier", "front");
    Http.Resp labelled = http.put(workload(ns, "web"), obj.toString());
    assertThat(labelled.code()).as(labelled.toString()).isEqualTo(200);
    assertThat(labelled.json().path("metadata").path("generation").asLong()).isEqualTo(1);
    String rv2 = labelled.json().path("metadata").path("resourceVersion").asText();
    assertThat(Long.parseLong(rv2)).isGreaterThan(Long.parseLong(rv1));

    ObjectNode next = (ObjectNode) labelled.json();
    ((ObjectNode) next.path("spec")).put("replicas", 5);
    Http.Resp scaled = http.put(workload(ns, "web"), next.toString());
    assertThat(scaled.code()).as(scaled.toString()).isEqualTo(200);
    assertThat(scaled.json().path("metadata").path("generation").asLong()).isEqualTo(2);
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(5);
  }

  @Test
  void anUnchangedReplaceWritesNothing() {
    String ns = SERVER.newNamespace();
    JsonNode obj = http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    Http.Resp same = http.put(workload(ns, "web"), obj.toString());
    assertThat(same.code()).isEqualTo(200);
    assertThat(same.json().path("metadata").path("resourceVersion"))
        .isEqualTo(obj.path("metadata").path("resourceVersion"));
  }

  @Test
  void uidAndCreationTimestampCannotBeChanged() {
    String ns = SERVER.newNamespace();
    ObjectNode obj = (ObjectNode) http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    String uid = obj.path("metadata").path("uid").asText();
    String created = obj.path("metadata").path("creationTimestamp").asText();
    ObjectNode meta = (ObjectNode) obj.get("metadata");
    meta.put("uid", "00000000-0000-0000-0000-000000000000");
    meta.put("creationTimestamp", "2001-01-01T00:00:00Z");
    meta.remove("resourceVersion");
    Http.Resp r = http.put(workload(ns, "web"), obj.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().path("metadata").path("uid").asText()).isEqualTo(uid);
    assertThat(r.json().path("metadata").path("creationTimestamp").asText()).isEqualTo(created);
  }

  @Test
  void nameInTheBodyMustMatchTheUrl() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp r = http.put(workload(ns, "web"), workloadJson(ns, "other", 1));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.message()).contains("metadata.name", "other", "web");
    assertThat(http.get(workload(ns, "other")).code()).isEqualTo(404);
  }

  @Test
  void mergePatchChangesOnlyWhatItNamesAndNullRemoves() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp r =
        http.patch(
            workload(ns, "web"),
            "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"fe\"}},\"spec\":{\"replicas\":4}}");
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    JsonNode got = http.get(workload(ns, "web")).json();
    assertThat(got.path("metadata").path("labels").has("app")).isFalse();
    assertThat(got.path("metadata").path("labels").path("tier").asText()).isEqualTo("fe");
    assertThat(got.path("spec").path("replicas").asInt()).isEqualTo(4);
    assertThat(got.path("spec").path("template").path("spec").path("runtime").asText())
        .isEqualTo("process");
    assertThat(got.path("metadata").path("generation").asLong()).isEqualTo(2);
  }

  @Test
  void patchOfAMissingObjectIs404() {
    String ns = SERVER.newNamespace();
    Http.Resp r = http.patch(workload(ns, "ghost"), "{\"spec\":{\"replicas\":2}}");
    assertThat(r.code()).isEqualTo(404);
    assertThat(r.reason()).isEqualTo("NotFound");
    assertThat(r.json().path("details").path("name").asText()).isEqualTo("ghost");
  }

  @Test
  void deleteRemovesTheObjectAndAnswersWithIt() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp r = http.delete(workload(ns, "web"));
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.json().path("metadata").path("name").asText()).isEqualTo("web");
    assertThat(http.get(workload(ns, "web")).code()).isEqualTo(404);
    assertThat(http.delete(workload(ns, "web")).code()).isEqualTo(404);
  }

  @Test
  void clusterScopedKindsLiveWithoutANamespace() {
    String node =
        """
        {"apiVersion":"nexus.dev/v1","kind":"Node","metadata":{"name":"n1","labels":{"zone":"a"}},
         "spec":{"unschedulable":false}}
        """;
    Http.Resp created = http.post("/apis/nexus.dev/v1/nodes", node);
    assertThat(created.code()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("metadata").has("namespace")).isFalse();
    assertThat(http.get("/apis/nexus.dev/v1/nodes/n1").code()).isEqualTo(200);
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/default/nodes/n1").code()).isEqualTo(404);
    assertThat(http.delete("/apis/nexus.dev/v1/nodes/n1").code()).isEqualTo(200);
  }

  @Test
  void theDefaultNamespacesExistFromTheStart() {
    assertThat(http.get("/apis/nexus.dev/v1/namespaces/default").code()).isEqualTo(200);
    JsonNode sys = http.get("/apis/nexus.dev/v1/namespaces/nexus-system").json();
    assertThat(sys.path("status").path("phase").asText()).isEqualTo("Active");
  }

  @Test
  void methodsAPathDoesNotTakeAre405() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp post = http.post(workload(ns, "web"), workloadJson(ns, "web", 1));
    assertThat(post.code()).isEqualTo(405);
    assertThat(post.reason()).isEqualTo("MethodNotAllowed");
    Http.Resp put = http.put(workloads(ns), workloadJson(ns, "web", 1));
    assertThat(put.code()).isEqualTo(405);
    Http.Resp createEverywhere =
        http.post("/apis/nexus.dev/v1/workloads", workloadJson(ns, "web2", 1));
    assertThat(createEverywhere.code()).isEqualTo(405);
    assertThat(createEverywhere.message()).contains("namespaces/{namespace}/workloads");
  }
}
