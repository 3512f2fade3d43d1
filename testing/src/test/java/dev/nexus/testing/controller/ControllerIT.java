package dev.nexus.testing.controller;

import static dev.nexus.testing.controller.PolicyEndpoints.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.ControllerMetrics;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Predicates;
import dev.nexus.client.controller.Request;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A controller built on the SDK against a real server: the reconcile loop end to end. */
@NexusTest
class ControllerIT {
  NexusClient client;
  TestServer server;
  Manager manager;

  @AfterEach
  void stop() {
    if (manager != null) {
      manager.close();
    }
  }

  private PolicyEndpoints startController(String ns, boolean generationPredicate) {
    PolicyEndpoints reconciler = new PolicyEndpoints(client, ns);
    manager = Manager.builder(client).name("test").build();
    var builder =
        manager
            .controller("policy-endpoints")
            .forKind(BuiltinKinds.POLICY)
            .owns(BuiltinKinds.SERVICE_ENDPOINTS)
            .concurrency(2);
    if (generationPredicate) {
      builder.withPredicate(Predicates.generationChanged());
    }
    builder.build(reconciler);
    manager.start();
    return reconciler;
  }

  @Test
  void reconcilesPoliciesIntoOwnedEndpointsAndReadyStatus() {
    String ns = server.newNamespace();
    client.create(BuiltinKinds.POLICY, policy(ns, "before-start"));
    startController(ns, false);
    client.create(BuiltinKinds.POLICY, policy(ns, "after-start"));

    for (String name : List.of("before-start", "after-start")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                ApiObject p = client.get(BuiltinKinds.POLICY, ns, name);
                assertThat(Conditions.isTrue(p.status(), "Ready")).isTrue();
                assertThat(p.status().path("observedGeneration").asLong()).isEqualTo(1);
                ApiObject ep = client.get(BuiltinKinds.SERVICE_ENDPOINTS, ns, name + "-ep");
                assertThat(OwnerReferences.isControlledBy(ep, p)).isTrue();
              });
    }
    client.patch(BuiltinKinds.POLICY, ns, "after-start", PolicyEndpoints.specPatch("web"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                        .get(BuiltinKinds.POLICY, ns, "after-start")
                        .status()
                        .path("observedGeneration")
                        .asLong()
                    == 2);

    ControllerMetrics m = new ControllerMetrics(manager.metrics(), "policy-endpoints");
    assertThat(m.count(ControllerMetrics.Outcome.SUCCESS)).isGreaterThanOrEqualTo(3);
    assertThat(m.errorCount()).isZero();
    String scrape = manager.metrics().scrape();
    assertThat(scrape)
        .contains("nexus_controller_queue_depth{controller=\"policy-endpoints\"}")
        .contains(
            "nexus_controller_reconcile_total{controller=\"policy-endpoints\",result=\"success\"}")
        .contains("nexus_controller_reconcile_seconds_count{controller=\"policy-endpoints\"}");
  }

  @Test
  void eventsOnOwnedObjectsReconcileTheirOwner() {
    String ns = server.newNamespace();
    PolicyEndpoints reconciler = startController(ns, false);
    client.create(BuiltinKinds.POLICY, policy(ns, "p1"));
    await().until(() -> client.find(BuiltinKinds.SERVICE_ENDPOINTS, ns, "p1-ep").isPresent());
    await()
        .until(
            () -> Conditions.isTrue(client.get(BuiltinKinds.POLICY, ns, "p1").status(), "Ready"));

    // Deleting the owned object reaches the owner's reconcile, which puts it back.
    String oldUid = client.get(BuiltinKinds.SERVICE_ENDPOINTS, ns, "p1-ep").uid();
    client.delete(BuiltinKinds.SERVICE_ENDPOINTS, ns, "p1-ep", null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .find(BuiltinKinds.SERVICE_ENDPOINTS, ns, "p1-ep")
                    .map(ep -> !ep.uid().equals(oldUid))
                    .orElse(false));
    assertThat(reconciler.seen).allMatch(r -> r.equals(new Request(ns, "p1")));
    assertThat(reconciler.seen).doesNotContain(new Request(ns, "p1-ep"));

    // A label change on the owned object is an event too: the owner is reconciled again.
    long before = reconciler.reconcilesOf("p1");
    client.patch(
        BuiltinKinds.SERVICE_ENDPOINTS, ns, "p1-ep", PolicyEndpoints.labelPatch("touched", "yes"));
    await().until(() -> reconciler.reconcilesOf("p1") > before);
  }

  @Test
  void generationChangedSkipsLabelAndStatusChangesButNotSpecChanges() {
    String ns = server.newNamespace();
    PolicyEndpoints reconciler = startController(ns, true);
    client.create(BuiltinKinds.POLICY, policy(ns, "p"));
    await()
        .until(() -> Conditions.isTrue(client.get(BuiltinKinds.POLICY, ns, "p").status(), "Ready"));
    // The status write the reconciler made itself did not wake it again. (The count is read once
    // it has held still: the reconcile that wrote Ready may still be returning.)
    long[] last = {-1};
    await()
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              long now = reconciler.reconcilesOf("p");
              boolean still = now == last[0];
              last[0] = now;
              return still;
            });
    long settled = last[0];
    client.patch(BuiltinKinds.POLICY, ns, "p", PolicyEndpoints.labelPatch("team", "a"));
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .until(() -> reconciler.reconcilesOf("p") == settled);
    client.patch(BuiltinKinds.POLICY, ns, "p", PolicyEndpoints.specPatch("api"));
    await().until(() -> reconciler.reconcilesOf("p") == settled + 1);
  }
}
