package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workload;
import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prometheus /metrics after some requests. */
class MetricsIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  @Test
  void requestsLatencyStorageAndWatchesAreExposed() throws Exception {
    String ns = SERVER.newNamespace();
    http.post(workloads(ns), workloadJson(ns, "web", 1));
    http.get(workload(ns, "web"));
    http.get(workload(ns, "missing"));
    http.get(workloads(ns));
    try (WatchClient w = WatchClient.open(http, workloads(ns) + "?watch=true")) {
      w.next(java.time.Duration.ofSeconds(5));
      Http.Resp r = http.get("/metrics");
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/plain; version=0.0.4");
      String m = r.body();
      assertThat(m)
          .contains("# TYPE nexus_apiserver_requests_total counter")
          .contains(
              "nexus_apiserver_requests_total{verb=\"create\",kind=\"Workload\",code=\"201\"} 1")
          .contains("nexus_apiserver_requests_total{verb=\"get\",kind=\"Workload\",code=\"200\"} 1")
          .contains("nexus_apiserver_requests_total{verb=\"get\",kind=\"Workload\",code=\"404\"} 1")
          .contains(
              "nexus_apiserver_requests_total{verb=\"list\",kind=\"Workload\",code=\"200\"} 1")
          .contains("# TYPE nexus_apiserver_request_duration_seconds histogram")
          .contains(
              "nexus_apiserver_request_duration_seconds_bucket{verb=\"create\",kind=\"Workload\",le=\"+Inf\"} 1")
          .contains(
              "nexus_apiserver_request_duration_seconds_count{verb=\"get\",kind=\"Workload\"} 2")
          .contains("# TYPE nexus_storage_apply_duration_seconds histogram")
          .contains("nexus_storage_apply_duration_seconds_count ")
          .contains("nexus_storage_commit_duration_seconds_bucket{le=\"+Inf\"} ")
          .contains("nexus_apiserver_watches 1")
          .contains("jvm_memory_used_bytes{area=\"heap\"} ")
          .contains("jvm_threads_current ")
          .contains("nexus_raft_role{role=\"LEADER\"} 1");
    }
  }
}
