package dev.nexus.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.metrics.MetricsRegistry;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Controllers} as {@code nexus controllers} runs it: leader-elected, with /metrics. */
@NexusTest
class ControllersIT {
  NexusClient client;
  TestServer server;

  private static ApiObject workload(String ns, String name, int replicas) {
    ApiObject w = ApiObject.of("nexus.dev/v1", "Workload", ns, name);
    ObjectNode spec = w.node().putObject("spec");
    spec.put("replicas", replicas);
    ObjectNode t = spec.putObject("template");
    t.putObject("metadata").putObject("labels").put("app", name);
    t.putObject("spec").put("runtime", "process").putArray("command").add("/bin/true");
    return w;
  }

  @Test
  void oneCopyLeadsRunsTheWorkloadControllerAndServesMetrics() throws Exception {
    String ns = server.newNamespace();
    ControllersOptions base = ControllersOptions.defaults();
    MetricsRegistry registry = new MetricsRegistry();
    try (Controllers first =
            Controllers.start(client, base.withIdentity("first").withMetrics(registry));
        MetricsServer metrics = MetricsServer.start("127.0.0.1", 0, registry, first::isLeading)) {
      assertThat(first.awaitRunning(Duration.ofSeconds(30))).isTrue();
      ApiObject lease =
          client.get(
              BuiltinKinds.LEASE,
              ControllersOptions.DEFAULT_LEASE_NAMESPACE,
              ControllersOptions.DEFAULT_LEASE_NAME);
      assertThat(lease.spec().path("holderIdentity").asText()).isEqualTo("first");

      try (Controllers second = Controllers.start(client, base.withIdentity("second"))) {
        client.create(BuiltinKinds.WORKLOAD, workload(ns, "web", 2));
        Eventually.assertThat(
            () ->
                assertThat(client.list(BuiltinKinds.INSTANCE, ns, ListOptions.none()).items())
                    .hasSize(2));
        assertThat(second.isLeading()).as("the second copy stands by").isFalse();

        HttpResponse<String> scrape =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
            .contains("nexus_controller_reconcile_total{controller=\"workload\"");

        first.close();
        assertThat(second.awaitRunning(Duration.ofSeconds(30)))
            .as("the standby takes over once the leader releases the Lease")
            .isTrue();
        client.create(BuiltinKinds.WORKLOAD, workload(ns, "api", 1));
        Eventually.assertThat(
            () ->
                assertThat(client.list(BuiltinKinds.INSTANCE, ns, ListOptions.none()).items())
                    .hasSize(3));
      }
    }
  }
}
