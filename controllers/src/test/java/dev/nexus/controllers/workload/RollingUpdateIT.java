package dev.nexus.controllers.workload;

import static dev.nexus.controllers.workload.Fixtures.instances;
import static dev.nexus.controllers.workload.Fixtures.isReady;
import static dev.nexus.controllers.workload.Fixtures.markReady;
import static dev.nexus.controllers.workload.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import dev.nexus.client.WatchOptions;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.Manager;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rolling update with maxSurge 1 and maxUnavailable 0, with the test as the node agent. Every
 * change to the Instances is checked as it happens, from a watch: the bounds must hold after each
 * single event, not only at the moments the test happens to look.
 */
@NexusTest
class RollingUpdateIT {
  NexusClient client;
  TestServer server;

  /** The Instances as the watch has shown them: name to (hash, ready). */
  private final Map<String, ApiObject> seen = new HashMap<>();

  private final List<String> violations = new ArrayList<>();
  private int maxTotal;
  private int minReady = Integer.MAX_VALUE;

  @Test
  void newInstancesBecomeReadyBeforeOldOnesGo() throws Exception {
    String ns = server.newNamespace();
    try (Manager manager = Manager.builder(client).name("rolling-it").build()) {
      WorkloadController.register(manager, 2);
      manager.start();

      ApiObject w = workload(ns, "web", 3, "/bin/v1");
      ObjectNode rolling =
          ((ObjectNode) w.spec()).putObject("strategy").put("type", "RollingUpdate");
      rolling.putObject("rollingUpdate").put("maxSurge", 1).put("maxUnavailable", 0);
      client.create(BuiltinKinds.WORKLOAD, w);
      Eventually.get(() -> instances(client, ns), l -> l.size() == 3)
          .forEach(i -> markReady(client, i));
      Eventually.assertThat(
          () ->
              assertThat(
                      client
                          .get(BuiltinKinds.WORKLOAD, ns, "web")
                          .status()
                          .path("availableReplicas")
                          .asInt())
                  .isEqualTo(3));

      var list = client.list(BuiltinKinds.INSTANCE, ns, ListOptions.none());
      list.items().forEach(i -> seen.put(i.name(), i));
      String oldHash = list.items().get(0).labels().get(InstanceView.HASH_LABEL);
      Watch watch =
          client.watch(
              BuiltinKinds.INSTANCE, ns, WatchOptions.from(list.resourceVersion()), listener());
      try {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        patch
            .putObject("spec")
            .putObject("template")
            .putObject("spec")
            .putArray("command")
            .add("/bin/v2");
        client.patch(BuiltinKinds.WORKLOAD, ns, "web", patch);

        // The node agent: readies each new Instance as it appears, until the rollout is done.
        Eventually.assertThat(
            Duration.ofSeconds(60),
            () -> {
              List<ApiObject> now = instances(client, ns);
              for (ApiObject i : now) {
                if (!oldHash.equals(i.labels().get(InstanceView.HASH_LABEL)) && !isReady(i)) {
                  markReady(client, i);
                }
              }
              assertThat(now).hasSize(3);
              assertThat(now)
                  .allMatch(i -> !oldHash.equals(i.labels().get(InstanceView.HASH_LABEL)))
                  .allMatch(Fixtures::isReady);
            });
        Eventually.assertThat(
            () -> {
              var st = client.get(BuiltinKinds.WORKLOAD, ns, "web").status();
              assertThat(st.path("updatedReplicas").asInt()).isEqualTo(3);
              assertThat(st.path("availableReplicas").asInt()).isEqualTo(3);
              assertThat(Conditions.get(st, "Progressing").orElseThrow().reason())
                  .isEqualTo("NewInstancesAvailable");
            });
      } finally {
        watch.close();
      }
      synchronized (seen) {
        assertThat(violations).isEmpty();
        assertThat(maxTotal).as("the surge was used").isEqualTo(4);
        assertThat(minReady).as("never fewer than 3 ready").isEqualTo(3);
      }
    }
  }

  private WatchListener listener() {
    return new WatchListener() {
      @Override
      public void onEvent(WatchEvent event) {
        synchronized (seen) {
          switch (event.type()) {
            case ADDED, MODIFIED -> seen.put(event.object().name(), event.object());
            case DELETED -> seen.remove(event.object().name());
            default -> {
              return;
            }
          }
          int total = seen.size();
          int ready = (int) seen.values().stream().filter(Fixtures::isReady).count();
          maxTotal = Math.max(maxTotal, total);
          minReady = Math.min(minReady, ready);
          if (total > 4) {
            violations.add("at revision " + event.resourceVersion() + ": " + total + " instances");
          }
          if (ready < 3) {
            violations.add("at revision " + event.resourceVersion() + ": " + ready + " ready");
          }
        }
      }
    };
  }
}
