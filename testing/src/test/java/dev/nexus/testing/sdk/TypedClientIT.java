package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.client.NexusClient;
import dev.nexus.client.TypedClient;
import dev.nexus.client.TypedWatchEvent;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchOptions;
import dev.nexus.client.kinds.Workload;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The typed client against a real server: typed objects in and out, nothing lost on the way. */
@NexusTest
class TypedClientIT {
  NexusClient client;
  TestServer server;

  private static Workload web(String name, int replicas) {
    Workload w = Workload.named(null, name).replicas(replicas).label("app", "web");
    w.template().label("app", "web").spec().runtime("process").command("/bin/sleep", "3600");
    return w;
  }

  @Test
  void createsReadsListsScalesAndWritesStatusAsTypedObjects() {
    String ns = server.newNamespace();
    TypedClient<Workload> workloads = client.typed(Workload.TYPE).inNamespace(ns);

    Workload created = workloads.create(web("web", 2));
    assertThat(created.namespace()).isEqualTo(ns);
    assertThat(created.uid()).isNotBlank();
    assertThat(created.replicas()).isEqualTo(2);
    assertThat(created.template().spec().command()).containsExactly("/bin/sleep", "3600");
    assertThat(created.strategy().type()).isEqualTo("RollingUpdate");

    assertThat(workloads.get("web").uid()).isEqualTo(created.uid());
    assertThat(workloads.find("nope")).isEmpty();
    workloads.create(web("api", 1));
    assertThat(workloads.list().items()).extracting(Workload::name).containsExactly("api", "web");

    Workload scaled = workloads.replace(workloads.get("web").replicas(5));
    assertThat(scaled.replicas()).isEqualTo(5);
    assertThat(scaled.generation()).isGreaterThan(created.generation());

    Workload withStatus = scaled.copy();
    withStatus.status().observedGeneration(scaled.generation()).readyReplicas(3).replicas(5);
    withStatus.condition("Available", true, "MinimumReplicasAvailable", "3 of 5 ready");
    Workload stored = workloads.updateStatus(withStatus);
    assertThat(stored.status().readyReplicas()).isEqualTo(3);
    assertThat(stored.status().observedGeneration()).isEqualTo(scaled.generation());
    assertThat(stored.conditionTrue("Available")).isTrue();
    assertThat(workloads.get("web").condition("Available").orElseThrow().reason())
        .isEqualTo("MinimumReplicasAvailable");

    assertThat(workloads.delete("api")).isPresent();
    assertThat(workloads.find("api")).isEmpty();
  }

  @Test
  void aTypedWatchDeliversTypedObjectsInOrder() {
    String ns = server.newNamespace();
    TypedClient<Workload> workloads = client.typed(Workload.TYPE).inNamespace(ns);
    String from = workloads.list().resourceVersion();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch =
        workloads.watch(
            WatchOptions.from(from),
            (TypedWatchEvent<Workload> e) -> {
              if (e.type() != WatchEvent.Type.BOOKMARK) {
                seen.add(e.type() + " " + e.object().name() + " " + e.object().replicas());
              }
            })) {
      workloads.create(web("w", 1));
      workloads.replace(workloads.get("w").replicas(4));
      workloads.delete("w");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(seen).containsExactly("ADDED w 1", "MODIFIED w 4", "DELETED w 4"));
      assertThat(watch.isOpen()).isTrue();
    }
  }
}
