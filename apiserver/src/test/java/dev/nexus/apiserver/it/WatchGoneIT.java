package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.raft.StoreConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Revisions older than the retained watch history answer 410 Gone; the client relists. */
class WatchGoneIT {
  @RegisterExtension
  static final ServerExtension SERVER =
      new ServerExtension(
          b ->
              b.store(
                  StoreConfig.builder(b.build().store().dataDir())
                      .watchHistoryWindow(5)
                      .watchCacheRevisions(4)
                      .build()));

  private final Http http = SERVER.http();

  @Test
  void aWatchFromACompactedRevisionIs410AndARelistRecovers() throws Exception {
    String ns = SERVER.newNamespace();
    long old =
        Long.parseLong(
            http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asText());
    for (int i = 0; i < 12; i++) {
      http.post(workloads(ns), workloadJson(ns, "w" + i, 1));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SERVER.server().store().oldestWatchableRevision() > old + 1);

    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + old)) {
      assertThat(w.status()).isEqualTo(410);
      var status = w.next(Duration.ofSeconds(5));
      assertThat(status.path("kind").asText()).isEqualTo("Status");
      assertThat(status.path("reason").asText()).isEqualTo("Expired");
      assertThat(status.path("code").asInt()).isEqualTo(410);
    }

    long fresh =
        Long.parseLong(
            http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asText());
    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + fresh)) {
      assertThat(w.status()).isEqualTo(200);
      http.patch(workload(ns, "w0"), "{\"spec\":{\"replicas\":2}}");
      assertThat(WatchClient.name(w.changes(1, Duration.ofSeconds(10)).getFirst())).isEqualTo("w0");
    }
  }

  @Test
  void aContinueTokenOlderThanTheHistoryIs410() {
    String ns = SERVER.newNamespace();
    for (int i = 0; i < 3; i++) {
      http.post(workloads(ns), workloadJson(ns, "p" + i, 1));
    }
    String token =
        http.get(workloads(ns) + "?limit=1").json().path("metadata").path("continue").asText();
    long listed = SERVER.server().store().revision();
    for (int i = 0; i < 12; i++) {
      http.post(workloads(ns), workloadJson(ns, "q" + i, 1));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> SERVER.server().store().oldestWatchableRevision() > listed + 1);
    Http.Resp r =
        http.get(
            workloads(ns)
                + "?limit=1&continue="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(r.code()).isEqualTo(410);
    assertThat(r.reason()).isEqualTo("Expired");
    assertThat(r.message()).startsWith("continue:");
  }
}
