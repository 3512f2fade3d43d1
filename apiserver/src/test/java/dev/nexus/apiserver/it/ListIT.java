package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lists: shape, selectors, paging, and scope (one namespace or all). */
class ListIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void listHasTheKubernetesShapeAndARevision() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "b", 1));
    http.post(workloads(ns), workloadJson(ns, "a", 1));
    JsonNode list = http.get(workloads(ns)).json();
    assertThat(list.path("apiVersion").asText()).isEqualTo("nexus.dev/v1");
    assertThat(list.path("kind").asText()).isEqualTo("WorkloadList");
    assertThat(list.path("metadata").path("resourceVersion").asText()).matches("\\d+");
    assertThat(list.path("metadata").has("continue")).isFalse();
    assertThat(names(list)).containsExactly("a", "b");
  }

  @Test
  void labelSelectorsFilter() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1, "web"));
    http.post(workloads(ns), workloadJson(ns, "db", 1, "db"));
    http.post(workloads(ns), workloadJson(ns, "cache", 1, "cache"));
    assertThat(names(list(workloads(ns) + "?labelSelector=" + enc("app=web"))))
        .containsExactly("web");
    assertThat(names(list(workloads(ns) + "?labelSelector=" + enc("app in (db,cache)"))))
        .containsExactly("cache", "db");
    assertThat(names(list(workloads(ns) + "?labelSelector=" + enc("app!=web"))))
        .containsExactly("cache", "db");
    assertThat(names(list(workloads(ns) + "?labelSelector=" + enc("!app")))).isEmpty();
  }

  @Test
  void fieldSelectorsFilterOnNameNamespaceAndAnyPath() {
    String ns = SERVER.newNamespace();
    String other = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    http.post(workloads(ns), workloadJson(ns, "db", 2));
    http.post(workloads(other), workloadJson(other, "web", 3));
    assertThat(names(list(workloads(ns) + "?fieldSelector=" + enc("metadata.name=web"))))
        .containsExactly("web");
    assertThat(names(list(workloads(ns) + "?fieldSelector=" + enc("spec.replicas=2"))))
        .containsExactly("db");
    JsonNode everywhere =
        list("/apis/nexus.dev/v1/workloads?fieldSelector=" + enc("metadata.namespace=" + other));
    assertThat(names(everywhere)).containsExactly("web");
    assertThat(everywhere.path("items").get(0).path("metadata").path("namespace").asText())
        .isEqualTo(other);
  }

  @Test
  void instancesCanBeSelectedByNodeName() {
    String ns = SERVER.newNamespace();
    for (String[] i : new String[][] {{"i1", "n1"}, {"i2", "n2"}, {"i3", null}}) {
      String node = i[1] == null ? "" : ",\"nodeName\":\"" + i[1] + "\"";
      Http.Resp r =
          http.post(
              "/apis/nexus.dev/v1/namespaces/" + ns + "/instances",
              "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Instance\",\"metadata\":{\"name\":\""
                  + i[0]
                  + "\"},\"spec\":{\"runtime\":\"process\",\"command\":[\"/bin/true\"]"
                  + node
                  + "}}");
      assertThat(r.code()).as(r.toString()).isEqualTo(201);
    }
    String path = "/apis/nexus.dev/v1/namespaces/" + ns + "/instances?fieldSelector=";
    assertThat(names(list(path + enc("spec.nodeName=n1")))).containsExactly("i1");
    assertThat(names(list(path + enc("spec.nodeName=")))).containsExactly("i3");
    assertThat(names(list(path + enc("spec.nodeName!=n1")))).containsExactly("i2", "i3");
  }

  @Test
  void limitAndContinuePageThroughEverythingOnce() {
    String ns = SERVER.newNamespace();
    for (int i = 0; i < 7; i++) {
      http.post(workloads(ns), workloadJson(ns, "w" + i, 1));
    }
    List<String> seen = new ArrayList<>();
    String revision = null;
    String token = null;
    int pages = 0;
    do {
      JsonNode page =
          list(workloads(ns) + "?limit=3" + (token == null ? "" : "&continue=" + enc(token)));
      pages++;
      assertThat(page.path("items").size()).isLessThanOrEqualTo(3);
      seen.addAll(names(page));
      if (revision == null) {
        revision = page.path("metadata").path("resourceVersion").asText();
      }
      assertThat(page.path("metadata").path("resourceVersion").asText()).isEqualTo(revision);
      token = page.path("metadata").path("continue").asText(null);
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("w0", "w1", "w2", "w3", "w4", "w5", "w6");
  }

  @Test
  void pagesAreFullEvenWhenASelectorSkipsItems() {
    String ns = SERVER.newNamespace();
    for (int i = 0; i < 6; i++) {
      http.post(workloads(ns), workloadJson(ns, "w" + i, 1, i % 2 == 0 ? "even" : "odd"));
    }
    JsonNode page = list(workloads(ns) + "?limit=2&labelSelector=app%3Deven");
    assertThat(names(page)).containsExactly("w0", "w2");
    String token = page.path("metadata").path("continue").asText();
    JsonNode rest =
        list(workloads(ns) + "?limit=2&labelSelector=app%3Deven&continue=" + enc(token));
    assertThat(names(rest)).containsExactly("w4");
  }

  @Test
  void aContinueTokenFromAnotherListIsRefused() {
    String ns = SERVER.newNamespace();
    String other = SERVER.newNamespace();
    for (int i = 0; i < 3; i++) {
      http.post(workloads(ns), workloadJson(ns, "w" + i, 1));
    }
    String token = list(workloads(ns) + "?limit=1").path("metadata").path("continue").asText();
    Http.Resp r = http.get(workloads(other) + "?limit=1&continue=" + enc(token));
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.message()).startsWith("continue:");
    Http.Resp garbage = http.get(workloads(ns) + "?continue=not-a-token");
    assertThat(garbage.code()).isEqualTo(400);
    assertThat(garbage.message()).startsWith("continue:");
  }

  @Test
  void listAtResourceVersionZeroIsServedLocally() {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    assertThat(names(list(workloads(ns) + "?resourceVersion=0"))).containsExactly("web");
  }

  @Test
  void namespacesListAsClusterScoped() {
    String ns = SERVER.newNamespace();
    List<String> all = names(list("/apis/nexus.dev/v1/namespaces"));
    assertThat(all).contains("default", "nexus-system", ns);
  }

  private JsonNode list(String path) {
    Http.Resp r = http.get(path);
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
