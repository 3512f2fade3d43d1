package dev.nexus.controllers.workload;

import static dev.nexus.controllers.workload.Fixtures.instances;
import static dev.nexus.controllers.workload.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.EventRecorder;
import dev.nexus.client.controller.Request;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.ResourceEventHandler;
import dev.nexus.client.informer.SharedInformer;
import dev.nexus.client.informer.SharedInformerFactory;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The classic controller bug: a reconcile creates Instances, a second one runs before the informer
 * cache shows them, sees too few and creates more. First against caches that never catch up (an
 * informer stopped right after its first list: the extreme of a lagging watch), then against live
 * caches called back to back, counting every Instance ever created, so one created in excess and
 * deleted again is caught too.
 */
@NexusTest
class NoOverCreationIT {
  NexusClient client;
  TestServer server;

  private final Expectations expectations = new Expectations(Duration.ofSeconds(30));

  private WorkloadReconciler reconciler(Cache workloads, Cache instances) {
    return new WorkloadReconciler(
        client,
        workloads,
        instances,
        new EventRecorder(client, "test"),
        expectations,
        new InstanceFactory(new Random()),
        Clock.systemUTC());
  }

  @Test
  void repeatedReconcilesNeverCreateMoreThanReplicas() throws Exception {
    String ns = server.newNamespace();
    client.create(BuiltinKinds.WORKLOAD, workload(ns, "burst", 20, "/bin/true"));
    Request request = new Request(ns, "burst");

    SharedInformerFactory frozen = new SharedInformerFactory(client);
    SharedInformer frozenWorkloads = frozen.informer(BuiltinKinds.WORKLOAD);
    SharedInformer frozenInstances = frozen.informer(BuiltinKinds.INSTANCE);
    WorkloadController.indexInstances(frozenInstances);
    frozen.start();
    assertThat(frozen.waitForSync(Duration.ofSeconds(30))).isTrue();
    frozen.close();
    WorkloadReconciler stale = reconciler(frozenWorkloads.cache(), frozenInstances.cache());
    for (int i = 0; i < 50; i++) {
      stale.reconcile(request);
    }
    assertThat(frozenInstances.cache().list(ns)).as("the stale cache shows none").isEmpty();
    assertThat(instances(client, ns)).as("created once, not 50 times").hasSize(20);

    try (SharedInformerFactory informers = new SharedInformerFactory(client)) {
      SharedInformer workloads = informers.informer(BuiltinKinds.WORKLOAD);
      SharedInformer instances = informers.informer(BuiltinKinds.INSTANCE);
      WorkloadController.indexInstances(instances);
      Set<String> everCreated = ConcurrentHashMap.newKeySet();
      AtomicInteger deletions = new AtomicInteger();
      instances.addEventHandler(
          new ResourceEventHandler() {
            @Override
            public void onAdd(ApiObject obj) {
              everCreated.add(obj.name());
            }

            @Override
            public void onDelete(ApiObject lastKnown) {
              deletions.incrementAndGet();
            }
          });
      informers.start();
      assertThat(informers.waitForSync(Duration.ofSeconds(30))).isTrue();
      WorkloadReconciler live = reconciler(workloads.cache(), instances.cache());
      for (int i = 0; i < 100; i++) {
        live.reconcile(request);
      }
      assertThat(instances(client, ns)).hasSize(20);
      assertThat(everCreated).as("Instances ever created").hasSize(20);
      assertThat(deletions).as("none created in excess, so none deleted").hasValue(0);

      // Scale down, again back to back: never below the new count either.
      var patch = Json.MAPPER.createObjectNode();
      patch.putObject("spec").put("replicas", 5);
      client.patch(BuiltinKinds.WORKLOAD, ns, "burst", patch);
      Eventually.assertThat(
          () ->
              assertThat(
                      workloads
                          .cache()
                          .get(ns, "burst")
                          .orElseThrow()
                          .spec()
                          .get("replicas")
                          .asInt())
                  .isEqualTo(5));
      for (int i = 0; i < 100; i++) {
        live.reconcile(request);
      }
      Eventually.assertThat(() -> assertThat(instances.cache().list(ns)).hasSize(5));
      assertThat(instances(client, ns)).hasSize(5);
      assertThat(deletions).as("never below the new count").hasValue(15);
      assertThat(everCreated).hasSize(20);
    }
  }
}
