package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static dev.nexus.apiserver.it.WatchClient.name;
import static dev.nexus.apiserver.it.WatchClient.rv;
import static dev.nexus.apiserver.it.WatchClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Watch: order, exactly once, resume, initial state, filters, bookmarks, timeouts, cleanup. */
class WatchIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension
  static final ServerExtension SERVER =
      new ServerExtension(b -> b.bookmarkInterval(Duration.ofMillis(300)));

  private final Http http = SERVER.http();

  private long listRevision(String path) {
    return Long.parseLong(http.get(path).json().path("metadata").path("resourceVersion").asText());
  }

  @Test
  void everyChangeAfterTheListRevisionArrivesOnceInOrder() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "before", 1));
    long rv = listRevision(workloads(ns));
    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + rv)) {
      assertThat(w.status()).isEqualTo(200);
      http.post(workloads(ns), workloadJson(ns, "web", 1));
      http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":2}}");
      http.patch(workload(ns, "before"), "{\"spec\":{\"replicas\":3}}");
      http.delete(workload(ns, "web"));
      List<JsonNode> events = w.changes(4, WAIT);
      assertThat(events)
          .extracting(WatchClient::type)
          .containsExactly("ADDED", "MODIFIED", "MODIFIED", "DELETED");
      assertThat(events)
          .extracting(WatchClient::name)
          .containsExactly("web", "web", "before", "web");
      List<Long> rvs = events.stream().map(WatchClient::rv).toList();
      assertThat(rvs).isSorted().doesNotHaveDuplicates();
      assertThat(rvs.getFirst()).isGreaterThan(rv);
      assertThat(events.get(1).path("object").path("spec").path("replicas").asInt()).isEqualTo(2);
      assertThat(w.nextChange(Duration.ofMillis(500))).as("nothing more").isNull();
    }
  }

  @Test
  void resumingFromAnEventsRevisionRepeatsNothingAndMissesNothing() throws Exception {
    String ns = SERVER.newNamespace();
    long rv = listRevision(workloads(ns));
    long resumeFrom;
    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + rv)) {
      http.post(workloads(ns), workloadJson(ns, "a", 1));
      resumeFrom = rv(w.changes(1, WAIT).getFirst());
    }
    http.post(workloads(ns), workloadJson(ns, "b", 1));
    http.post(workloads(ns), workloadJson(ns, "c", 1));
    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + resumeFrom)) {
      assertThat(w.changes(2, WAIT)).extracting(WatchClient::name).containsExactly("b", "c");
      assertThat(w.nextChange(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void withoutARevisionTheCurrentStateComesFirstAsAdded() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "a", 1));
    http.post(workloads(ns), workloadJson(ns, "b", 1));
    for (String query : new String[] {"?watch=true", "?watch=1&resourceVersion=0"}) {
      try (WatchClient w = WatchClient.open(http, workloads(ns) + query)) {
        List<JsonNode> initial = w.changes(2, WAIT);
        assertThat(initial).extracting(WatchClient::type).containsOnly("ADDED");
        assertThat(initial).extracting(WatchClient::name).containsExactly("a", "b");
        http.patch(
            workload(ns, "a"), "{\"metadata\":{\"labels\":{\"q\":\"" + query.length() + "\"}}}");
        JsonNode change = w.changes(1, WAIT).getFirst();
        assertThat(type(change)).isEqualTo("MODIFIED");
        assertThat(name(change)).isEqualTo("a");
      }
    }
  }

  @Test
  void labelSelectorsFilterEvents() throws Exception {
    String ns = SERVER.newNamespace();
    long rv = listRevision(workloads(ns));
    try (WatchClient w =
        WatchClient.open(
            http, workloads(ns) + "?watch=true&labelSelector=app%3Dweb&resourceVersion=" + rv)) {
      http.post(workloads(ns), workloadJson(ns, "db", 1, "db"));
      http.post(workloads(ns), workloadJson(ns, "web", 1, "web"));
      http.patch(workload(ns, "db"), "{\"spec\":{\"replicas\":2}}");
      http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":2}}");
      List<JsonNode> events = w.changes(2, WAIT);
      assertThat(events).extracting(WatchClient::name).containsExactly("web", "web");
      assertThat(w.nextChange(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void oneObjectCanBeWatchedByNameOrByFieldSelector() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    http.post(workloads(ns), workloadJson(ns, "web2", 1));
    long rv = listRevision(workloads(ns));
    try (WatchClient byPath =
            WatchClient.open(http, workload(ns, "web") + "?watch=true&resourceVersion=" + rv);
        WatchClient bySelector =
            WatchClient.open(
                http,
                workloads(ns)
                    + "?watch=true&fieldSelector=metadata.name%3Dweb&resourceVersion="
                    + rv)) {
      http.patch(workload(ns, "web2"), "{\"spec\":{\"replicas\":5}}");
      http.patch(workload(ns, "web"), "{\"spec\":{\"replicas\":4}}");
      for (WatchClient w : List.of(byPath, bySelector)) {
        JsonNode e = w.changes(1, WAIT).getFirst();
        assertThat(name(e)).isEqualTo("web");
        assertThat(e.path("object").path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(w.nextChange(Duration.ofMillis(200))).isNull();
      }
    }
  }

  @Test
  void allNamespacesCanBeWatchedTogether() throws Exception {
    String a = SERVER.newNamespace();
    String b = SERVER.newNamespace();
    long rv = listRevision("/apis/nexus.dev/v1/workloads");
    try (WatchClient w =
        WatchClient.open(http, "/apis/nexus.dev/v1/workloads?watch=true&resourceVersion=" + rv)) {
      http.post(workloads(a), workloadJson(a, "x", 1));
      http.post(workloads(b), workloadJson(b, "y", 1));
      List<JsonNode> events = w.changes(2, WAIT);
      assertThat(events)
          .extracting(e -> e.path("object").path("metadata").path("namespace").asText())
          .containsExactly(a, b);
    }
  }

  @Test
  void idleWatchesGetBookmarksThatAdvanceWithOtherWrites() throws Exception {
    String ns = SERVER.newNamespace();
    String other = SERVER.newNamespace();
    long rv = listRevision(workloads(ns));
    try (WatchClient w =
        WatchClient.open(
            http, workloads(ns) + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv)) {
      JsonNode first = w.next(WAIT);
      assertThat(type(first)).isEqualTo("BOOKMARK");
      assertThat(first.path("object").path("kind").asText()).isEqualTo("Workload");
      assertThat(first.path("object").path("apiVersion").asText()).isEqualTo("nexus.dev/v1");
      assertThat(rv(first)).isGreaterThanOrEqualTo(rv);

      long elsewhere =
          Long.parseLong(
              http.post(workloads(other), workloadJson(other, "x", 1))
                  .json()
                  .path("metadata")
                  .path("resourceVersion")
                  .asText());
      await()
          .atMost(WAIT)
          .until(
              () -> {
                JsonNode e = w.next(Duration.ofSeconds(1));
                return e != null && type(e).equals("BOOKMARK") && rv(e) >= elsewhere - 1;
              });
      // A resume from the bookmark still sees a change made after it.
      http.post(workloads(ns), workloadJson(ns, "web", 1));
      assertThat(name(w.changes(1, WAIT).getFirst())).isEqualTo("web");
    }
  }

  @Test
  void withoutBookmarksAllowedNoneAreSent() throws Exception {
    String ns = SERVER.newNamespace();
    try (WatchClient w =
        WatchClient.open(
            http, workloads(ns) + "?watch=true&resourceVersion=" + listRevision(workloads(ns)))) {
      assertThat(w.next(Duration.ofMillis(900))).isNull();
    }
  }

  @Test
  void sendInitialEventsEndsTheInitialStateWithAnAnnotatedBookmark() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "a", 1));
    try (WatchClient w =
        WatchClient.open(
            http,
            workloads(ns)
                + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
                + "&resourceVersionMatch=NotOlderThan")) {
      assertThat(type(w.next(WAIT))).isEqualTo("ADDED");
      JsonNode end = w.next(WAIT);
      assertThat(type(end)).isEqualTo("BOOKMARK");
      assertThat(
              end.path("object")
                  .path("metadata")
                  .path("annotations")
                  .path("k8s.io/initial-events-end")
                  .asText())
          .isEqualTo("true");
    }
  }

  @Test
  void timeoutSecondsEndsTheStream() throws Exception {
    String ns = SERVER.newNamespace();
    long start = System.nanoTime();
    try (WatchClient w =
        WatchClient.open(
            http,
            workloads(ns)
                + "?watch=true&timeoutSeconds=1&resourceVersion="
                + listRevision(workloads(ns)))) {
      assertThat(w.next(WAIT)).isSameAs(WatchClient.END);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aClientThatGoesAwayIsCleanedUp() throws Exception {
    String ns = SERVER.newNamespace();
    List<Socket> clients = new ArrayList<>();
    long before = openWatches();
    URI base = http.uri("/");
    for (int i = 0; i < 5; i++) {
      Socket s = new Socket(base.getHost(), base.getPort());
      s.getOutputStream()
          .write(
              ("GET " + workloads(ns) + "?watch=true HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      clients.add(s);
    }
    await().atMost(WAIT).until(() -> openWatches() >= before + 5);
    long open = openWatches();
    for (Socket s : clients) {
      s.close();
    }
    // Other tests' watches may end meanwhile too, hence "at most".
    // A vanished client is noticed at the next write to it (a bookmark or keep-alive line).
    await().atMost(Duration.ofSeconds(30)).until(() -> openWatches() <= open - 5);
  }

  @Test
  void tablesAreStreamedWhenAskedFor() throws Exception {
    String ns = SERVER.newNamespace();
    try (WatchClient w =
        WatchClient.open(
            http,
            workloads(ns) + "?watch=true&resourceVersion=" + listRevision(workloads(ns)),
            "Accept",
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")) {
      http.post(workloads(ns), workloadJson(ns, "web", 3));
      JsonNode e = w.changes(1, WAIT).getFirst();
      assertThat(type(e)).isEqualTo("ADDED");
      JsonNode table = e.path("object");
      assertThat(table.path("kind").asText()).isEqualTo("Table");
      assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("web");
      assertThat(table.path("rows").get(0).path("cells").get(1).asText()).isEqualTo("0/3");
    }
  }

  private long openWatches() {
    String metrics = http.get("/metrics").body();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("nexus_apiserver_watches ")) {
        return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    return 0;
  }
}
