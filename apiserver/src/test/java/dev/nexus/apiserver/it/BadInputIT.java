package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of bad input from issue 2: each is a 4xx with a Status body that names the field or
 * parameter and the rule, and nothing is written.
 */
class BadInputIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  /** Posts to a fresh namespace and checks the refusal wrote nothing there. */
  private Http.Resp refusedCreate(String body, String contentType, int code) {
    String ns = SERVER.newNamespace();
    Http.Resp r = http.post(workloads(ns), body.replace("NS", ns), "Content-Type", contentType);
    assertThat(r.code()).as(r.toString()).isEqualTo(code);
    assertStatusShape(r);
    assertThat(http.get(workloads(ns)).json().path("items")).as("nothing written").isEmpty();
    return r;
  }

  static void assertStatusShape(Http.Resp r) {
    JsonNode s = r.json();
    assertThat(s.path("kind").asText()).isEqualTo("Status");
    assertThat(s.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(s.path("status").asText()).isEqualTo("Failure");
    assertThat(s.path("code").asInt()).isEqualTo(r.code());
    assertThat(s.path("reason").asText()).isNotEmpty();
    assertThat(s.path("message").asText()).isNotEmpty().doesNotContain("\tat ", "Exception");
  }

  private static List<String> fields(Http.Resp r) {
    List<String> out = new ArrayList<>();
    r.json().path("details").path("causes").forEach(c -> out.add(c.path("field").asText()));
    return out;
  }

  @Test
  void malformedJson() {
    Http.Resp r =
        refusedCreate("{\"apiVersion\": \"nexus.dev/v1\", \"kind\": ", "application/json", 400);
    assertThat(r.reason()).isEqualTo("BadRequest");
    assertThat(r.message()).startsWith("malformed JSON body (line 1");
  }

  @Test
  void malformedYaml() {
    Http.Resp r =
        refusedCreate(
            "apiVersion: nexus.dev/v1\nkind: Workload\nmetadata: {name: web\n  spec: [",
            "application/yaml",
            400);
    assertThat(r.message()).startsWith("malformed YAML body");
  }

  @Test
  void aBodyThatIsNotAnObject() {
    Http.Resp r = refusedCreate("[1, 2]", "application/json", 400);
    assertThat(r.message()).contains("must be a JSON object", "array");
  }

  @Test
  void unknownKind() {
    Http.Resp r =
        refusedCreate(
            workloadJson("NS", "web", 1).replace("\"kind\":\"Workload\"", "\"kind\":\"Wrkload\""),
            "application/json",
            400);
    assertThat(fields(r)).containsExactly("kind");
    assertThat(r.message()).contains("no kind \"Wrkload\" is registered");
  }

  @Test
  void unknownApiVersion() {
    Http.Resp r =
        refusedCreate(
            workloadJson("NS", "web", 1).replace("nexus.dev/v1", "nexus.dev/v9"),
            "application/json",
            400);
    assertThat(fields(r)).containsExactly("apiVersion");
    assertThat(r.message()).contains("nexus.dev/v9");
  }

  @Test
  void aBodyOfAnotherKindThanTheUrl() {
    String service =
        "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"},"
            + "\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}";
    Http.Resp r = refusedCreate(service, "application/json", 400);
    assertThat(fields(r)).containsExactly("kind");
    assertThat(r.message()).contains("Service", "Workload");
  }

  @Test
  void missingRequiredField() {
    ObjectNode body = (ObjectNode) new Http.Resp(0, workloadJson("NS", "web", 1), null).json();
    ((ObjectNode) body.get("spec")).remove("template");
    Http.Resp r = refusedCreate(body.toString(), "application/json", 422);
    assertThat(r.reason()).isEqualTo("Invalid");
    assertThat(r.message()).contains("template");
    assertThat(String.join(",", fields(r))).contains("spec");
  }

  @Test
  void wrongType() {
    Http.Resp r =
        refusedCreate(
            workloadJson("NS", "web", 1).replace("\"replicas\":1", "\"replicas\":\"three\""),
            "application/json",
            422);
    assertThat(fields(r)).contains("spec.replicas");
    assertThat(r.message()).contains("spec.replicas");
  }

  @Test
  void uppercaseName() {
    Http.Resp r = refusedCreate(workloadJson("NS", "Web", 1), "application/json", 422);
    assertThat(fields(r)).containsExactly("metadata.name");
    assertThat(r.message()).contains("lowercase");
  }

  @Test
  void tooLongName() {
    Http.Resp r = refusedCreate(workloadJson("NS", "a".repeat(254), 1), "application/json", 422);
    assertThat(fields(r)).containsExactly("metadata.name");
    assertThat(r.message()).contains("at most 253");
  }

  @Test
  void nameWithDoubleDot() {
    Http.Resp r = refusedCreate(workloadJson("NS", "a..b", 1), "application/json", 422);
    assertThat(fields(r)).containsExactly("metadata.name");
    assertThat(r.message()).contains("'..'");
  }

  @Test
  void namespacedObjectInAMissingNamespace() {
    Http.Resp r = http.post(workloads("nowhere"), workloadJson("nowhere", "web", 1));
    assertThat(r.code()).isEqualTo(404);
    assertStatusShape(r);
    assertThat(r.reason()).isEqualTo("NotFound");
    assertThat(fields(r)).containsExactly("metadata.namespace");
    assertThat(r.message()).contains("namespace \"nowhere\" not found");
    assertThat(
            http.get("/apis/nexus.dev/v1/workloads?fieldSelector=metadata.namespace%3Dnowhere")
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void bodyOverOneMebibyte() {
    String big =
        workloadJson("NS", "web", 1)
            .replace(
                "\"labels\":",
                "\"annotations\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"},\"labels\":");
    Http.Resp r = refusedCreate(big, "application/json", 413);
    assertThat(r.reason()).isEqualTo("RequestEntityTooLarge");
    assertThat(r.message()).contains("1048576 bytes");
  }

  @Test
  void staleResourceVersion() {
    String ns = SERVER.newNamespace();
    ObjectNode v1 = (ObjectNode) http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":2}}");
    ((ObjectNode) v1.get("spec")).put("replicas", 3);
    Http.Resp r = http.put(workload(ns, "web"), v1.toString());
    assertThat(r.code()).isEqualTo(409);
    assertStatusShape(r);
    assertThat(r.reason()).isEqualTo("Conflict");
    assertThat(r.json().path("details").path("name").asText()).isEqualTo("web");
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(2);
  }

  @Test
  void resourceVersionThatIsNotANumber() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp r =
        http.patch(
            workload(ns, "web"),
            "{\"metadata\":{\"resourceVersion\":\"abc\"},\"spec\":{\"replicas\":4}}");
    assertThat(r.code()).isEqualTo(422);
    assertThat(fields(r)).containsExactly("metadata.resourceVersion");
    assertThat(http.get(workload(ns, "web")).json().path("spec").path("replicas").asInt())
        .isEqualTo(1);
  }

  @Test
  void createOfAnExistingName() {
    String ns = SERVER.newNamespace();
    JsonNode first = http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    Http.Resp r = http.post(workloads(ns), workloadJson(ns, "web", 5));
    assertThat(r.code()).isEqualTo(409);
    assertStatusShape(r);
    assertThat(r.reason()).isEqualTo("AlreadyExists");
    assertThat(r.message()).isEqualTo("Workload \"web\" already exists");
    assertThat(http.get(workload(ns, "web")).json()).isEqualTo(first);
  }

  @Test
  void statusWrittenThroughTheMainResourceIsIgnored() {
    String ns = SERVER.newNamespace();
    JsonNode created = http.post(workloads(ns), workloadJson(ns, "web", 1)).json();
    Http.Resp r = http.patch(workload(ns, "web"), "{\"status\":{\"readyReplicas\":9}}");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.json().has("status")).as("status not taken").isFalse();
    assertThat(r.json().path("metadata").path("resourceVersion"))
        .as("nothing written")
        .isEqualTo(created.path("metadata").path("resourceVersion"));
  }

  @Test
  void badQueryParameterValues() {
    String ns = SERVER.newNamespace();
    for (String[] c :
        new String[][] {
          {"limit=-1", "limit"},
          {"limit=ten", "limit"},
          {"resourceVersion=abc", "resourceVersion"},
          {"watch=maybe", "watch"},
          {"watch=true&timeoutSeconds=soon", "timeoutSeconds"},
          {"watch=true&allowWatchBookmarks=perhaps", "allowWatchBookmarks"},
          {"watch=true&resourceVersion=-5", "resourceVersion"},
          {"labelSelector=app%20in%20(", "labelSelector"},
          {"fieldSelector=spec.replicas", "fieldSelector"},
          {"resourceVersionMatch=Sometimes", "resourceVersionMatch"},
        }) {
      Http.Resp r = http.get(workloads(ns) + "?" + c[0]);
      assertThat(r.code()).as(c[0] + " -> " + r).isEqualTo(400);
      assertStatusShape(r);
      assertThat(r.message()).as(c[0]).startsWith(c[1] + ":");
    }
  }

  @Test
  void unsupportedMediaTypes() {
    Http.Resp r = refusedCreate(workloadJson("NS", "web", 1), "text/plain", 415);
    assertThat(r.reason()).isEqualTo("UnsupportedMediaType");
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    Http.Resp strategic =
        http.patch(
            workload(ns, "web"),
            "{\"spec\":{\"replicas\":2}}",
            "Content-Type",
            "application/strategic-merge-patch+json");
    assertThat(strategic.code()).isEqualTo(415);
    assertThat(strategic.message()).contains("application/merge-patch+json");
  }

  @Test
  void requestsHelidonRefusesBeforeRoutingStillGetAStatusBody() throws Exception {
    URI base = http.uri("/");
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.getOutputStream()
          .write(
              ("GET "
                      + workloads("default")
                      + "/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400");
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      Http.Resp r = new Http.Resp(400, body, null);
      assertStatusShape(r);
      assertThat(r.reason()).isEqualTo("BadRequest");
    }
  }

  @Test
  void aContentTypeThatIsNotAMediaType() {
    Http.Resp r = refusedCreate(workloadJson("NS", "web", 1), "garbage", 415);
    assertThat(r.message()).contains("garbage", "application/json");
  }

  @Test
  void unknownResourcesAndPaths() {
    for (String path :
        new String[] {
          "/apis/nexus.dev/v1/namespaces/default/gadgets",
          "/apis/nexus.dev/v2/namespaces/default/workloads",
          "/apis/other.io/v1/things",
          "/nothing/here",
          "/apis/nexus.dev/v1/namespaces/default/workloads/a/b/c",
        }) {
      Http.Resp r = http.get(path);
      assertThat(r.code()).as(path).isEqualTo(404);
      assertStatusShape(r);
    }
  }
}
