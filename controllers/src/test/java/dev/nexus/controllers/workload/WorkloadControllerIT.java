package dev.nexus.controllers.workload;

import static dev.nexus.controllers.workload.Fixtures.instances;
import static dev.nexus.controllers.workload.Fixtures.markFailed;
import static dev.nexus.controllers.workload.Fixtures.markReady;
import static dev.nexus.controllers.workload.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workload controller against a real in-process API server. */
@NexusTest
class WorkloadControllerIT {
  NexusClient client;
  TestServer server;

  private Manager manager;
  private String ns;

  @BeforeEach
  void startController() {
    ns = server.newNamespace();
    manager = Manager.builder(client).name("workload-it").build();
    WorkloadController.register(manager, 4);
    manager.start();
  }

  @AfterEach
  void stopController() {
    manager.close();
  }

  @Test
  void createsOwnedInstancesNamedByTemplateHash() {
    ApiObject w = client.create(BuiltinKinds.WORKLOAD, workload(ns, "web", 3, "/bin/true"));
    List<ApiObject> is = Eventually.get(() -> instances(client, ns), l -> l.size() == 3);
    String hash = TemplateHash.of(w.spec().get("template"), null);
    for (ApiObject i : is) {
      assertThat(i.name()).matches("web-" + hash + "-[bcdfghjkmnpqrstvwxz2456789]{5}");
      assertThat(i.labels())
          .containsEntry("app", "web")
          .containsEntry(InstanceView.HASH_LABEL, hash);
      OwnerRef owner = OwnerReferences.controllerOf(i).orElseThrow();
      assertThat(owner)
          .isEqualTo(new OwnerRef("nexus.dev/v1", "Workload", "web", w.uid(), true, true));
      assertThat(i.spec().path("command").get(0).asText()).isEqualTo("/bin/true");
    }
    Eventually.assertThat(
        () -> {
          JsonNode st = client.get(BuiltinKinds.WORKLOAD, ns, "web").status();
          assertThat(st).isNotNull();
          assertThat(st.path("replicas").asInt()).isEqualTo(3);
          assertThat(st.path("updatedReplicas").asInt()).isEqualTo(3);
          assertThat(st.path("readyReplicas").asInt()).isZero();
          assertThat(st.path("observedGeneration").asLong()).isEqualTo(w.generation());
          assertThat(st.path("templateHash").asText()).isEqualTo(hash);
          assertThat(st.path("selector").asText()).isEqualTo("app=web");
          assertThat(Conditions.get(st, "Available").orElseThrow().status()).isEqualTo("False");
        });
  }

  @Test
  void adoptsMatchingInstancesNoOneControlsAndCreatesOnlyTheRest() {
    // Left behind by a Workload of the same template deleted with propagationPolicy Orphan. (One
    // of another template, or none, would be adopted and then rolled like any old Instance.)
    ApiObject spec = workload(ns, "db", 3, "/bin/true");
    String hash = TemplateHash.of(spec.spec().get("template"), null);
    client.create(BuiltinKinds.INSTANCE, handMade("db-a", "db", hash));
    client.create(BuiltinKinds.INSTANCE, handMade("db-b", "db", hash));
    client.create(BuiltinKinds.INSTANCE, handMade("cache-a", "cache", hash));
    // Once the controller has seen them (else it creates three, adopts two and removes two: the
    // same end state by a longer way).
    Eventually.assertThat(
        () ->
            assertThat(manager.informers().informer(BuiltinKinds.INSTANCE).cache().list(ns))
                .hasSize(3));

    ApiObject w = client.create(BuiltinKinds.WORKLOAD, spec);

    Eventually.assertThat(
        () -> {
          List<ApiObject> all = instances(client, ns);
          assertThat(all).as("one created, two adopted, one left alone").hasSize(4);
          assertThat(
                  all.stream()
                      .filter(i -> OwnerReferences.isControlledBy(i, w))
                      .map(ApiObject::name))
              .hasSize(3)
              .contains("db-a", "db-b");
        });
    assertThat(OwnerReferences.controllerOf(client.get(BuiltinKinds.INSTANCE, ns, "cache-a")))
        .isEmpty();
  }

  @Test
  void releasesAnInstanceWhoseLabelsNoLongerMatchAndReplacesIt() {
    ApiObject w = client.create(BuiltinKinds.WORKLOAD, workload(ns, "web", 2, "/bin/true"));
    ApiObject taken = Eventually.get(() -> instances(client, ns), l -> l.size() == 2).getFirst();

    // An operator pulls one instance out to debug it.
    ObjectNode relabel = Json.MAPPER.createObjectNode();
    relabel.putObject("metadata").putObject("labels").put("app", "debug");
    client.patch(BuiltinKinds.INSTANCE, ns, taken.name(), relabel);

    Eventually.assertThat(
        () -> {
          assertThat(
                  client
                      .get(BuiltinKinds.INSTANCE, ns, taken.name())
                      .metadata()
                      .has("ownerReferences"))
              .as("released")
              .isFalse();
          assertThat(
                  instances(client, ns).stream()
                      .filter(i -> OwnerReferences.isControlledBy(i, w))
                      .map(ApiObject::name))
              .hasSize(2)
              .doesNotContain(taken.name());
        });
  }

  private Conditions.Condition progressing(String workload) {
    return Conditions.get(client.get(BuiltinKinds.WORKLOAD, ns, workload).status(), "Progressing")
        .orElseThrow();
  }

  private ApiObject handMade(String name, String app, String templateHash) {
    ApiObject i = ApiObject.of(BuiltinKinds.INSTANCE.apiVersion(), "Instance", ns, name);
    i.metadata().putObject("labels").put("app", app).put(InstanceView.HASH_LABEL, templateHash);
    ObjectNode spec = i.node().putObject("spec");
    spec.put("runtime", "process");
    spec.putArray("command").add("/bin/true");
    return i;
  }

  @Test
  void scalesUpThenDownKeepingReadyInstances() {
    client.create(BuiltinKinds.WORKLOAD, workload(ns, "api", 2, "/bin/true"));
    Eventually.get(() -> instances(client, ns), l -> l.size() == 2)
        .forEach(i -> markReady(client, i));
    Set<String> readyOnes =
        instances(client, ns).stream().map(ApiObject::name).collect(Collectors.toSet());

    client.scale(BuiltinKinds.WORKLOAD, ns, "api", 5);
    Eventually.get(() -> instances(client, ns), l -> l.size() == 5);

    client.scale(BuiltinKinds.WORKLOAD, ns, "api", 2);
    Eventually.assertThat(
        () ->
            assertThat(instances(client, ns))
                .as("not-ready instances go first")
                .extracting(ApiObject::name)
                .containsExactlyInAnyOrderElementsOf(readyOnes));
    Eventually.assertThat(
        () -> {
          JsonNode st = client.get(BuiltinKinds.WORKLOAD, ns, "api").status();
          assertThat(st.path("replicas").asInt()).isEqualTo(2);
          assertThat(st.path("readyReplicas").asInt()).isEqualTo(2);
          assertThat(st.path("availableReplicas").asInt()).isEqualTo(2);
          assertThat(Conditions.get(st, "Available").orElseThrow().status()).isEqualTo("True");
          assertThat(Conditions.get(st, "Progressing").orElseThrow().reason())
              .isEqualTo("NewInstancesAvailable");
        });

    client.scale(BuiltinKinds.WORKLOAD, ns, "api", 0);
    Eventually.assertThat(() -> assertThat(instances(client, ns)).isEmpty());
  }

  @Test
  void aDeletedInstanceIsReplaced() {
    client.create(BuiltinKinds.WORKLOAD, workload(ns, "db", 3, "/bin/true"));
    ApiObject victim = Eventually.get(() -> instances(client, ns), l -> l.size() == 3).get(0);
    client.delete(BuiltinKinds.INSTANCE, ns, victim.name(), null);
    Eventually.assertThat(
        () ->
            assertThat(instances(client, ns))
                .hasSize(3)
                .extracting(ApiObject::name)
                .doesNotContain(victim.name()));
  }

  @Test
  void aFailedInstanceIsDeletedAndReplaced() {
    client.create(BuiltinKinds.WORKLOAD, workload(ns, "job", 2, "/bin/true"));
    ApiObject victim = Eventually.get(() -> instances(client, ns), l -> l.size() == 2).get(0);
    markFailed(client, victim);
    Eventually.assertThat(
        () ->
            assertThat(instances(client, ns))
                .hasSize(2)
                .extracting(ApiObject::name)
                .doesNotContain(victim.name()));
  }

  @Test
  void aRolloutThatStopsMovingIsReportedAtItsDeadlineAndRecoversWhenItMovesAgain() {
    ApiObject spec = workload(ns, "stuck", 1, "/bin/true");
    ((ObjectNode) spec.spec()).put("progressDeadlineSeconds", 2);
    client.create(BuiltinKinds.WORKLOAD, spec);
    // Nothing ever reports the Instance ready: the rollout cannot finish.
    ApiObject instance = Eventually.get(() -> instances(client, ns), l -> l.size() == 1).getFirst();

    Eventually.assertThat(
        () -> {
          Conditions.Condition progressing = progressing("stuck");
          assertThat(progressing.status()).isEqualTo("False");
          assertThat(progressing.reason()).isEqualTo("ProgressDeadlineExceeded");
          assertThat(progressing.message())
              .startsWith("no progress for over 2 s: 1 of 1 instances run template");
        });
    Eventually.assertThat(
        () ->
            assertThat(client.listAll(BuiltinKinds.EVENT, ns, ListOptions.none()).items())
                .extracting(e -> e.node().path("reason").asText())
                .contains("ProgressDeadlineExceeded"));

    markReady(client, instance);
    Eventually.assertThat(
        () -> {
          Conditions.Condition progressing = progressing("stuck");
          assertThat(progressing.status()).isEqualTo("True");
          assertThat(progressing.reason()).isEqualTo("NewInstancesAvailable");
        });
  }

  @Test
  void instancesBecomeReadyThenStatusSaysAvailable() {
    client.create(BuiltinKinds.WORKLOAD, workload(ns, "ok", 3, "/bin/true"));
    Eventually.get(() -> instances(client, ns), l -> l.size() == 3)
        .forEach(i -> markReady(client, i));
    Eventually.assertThat(
        () -> {
          JsonNode st = client.get(BuiltinKinds.WORKLOAD, ns, "ok").status();
          assertThat(st.path("readyReplicas").asInt()).isEqualTo(3);
          assertThat(st.path("availableReplicas").asInt()).isEqualTo(3);
          assertThat(Conditions.isTrue(st, "Available")).isTrue();
        });
    assertThat(instances(client, ns)).allMatch(Fixtures::isReady);
  }
}
