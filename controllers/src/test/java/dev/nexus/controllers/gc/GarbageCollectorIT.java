package dev.nexus.controllers.gc;

import static dev.nexus.api.kinds.BuiltinKinds.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.DeleteOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Manager;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The garbage collector against a real API server, for every delete policy. */
@NexusTest
class GarbageCollectorIT {
  static Manager manager;
  NexusClient client;
  TestServer server;

  @BeforeAll
  static void startCollector(NexusClient client) {
    manager = Manager.builder(client).name("gc-it").build();
    GarbageCollector.register(manager);
    manager.start();
  }

  @AfterAll
  static void stopCollector() {
    if (manager != null) {
      manager.close();
    }
  }

  private ApiObject lease(String ns, String name, ApiObject... owners) {
    return lease(ns, name, false, owners);
  }

  private ApiObject lease(String ns, String name, boolean block, ApiObject... owners) {
    ApiObject o = ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, name);
    if (owners.length > 0) {
      ArrayNode refs = o.metadata().putArray("ownerReferences");
      for (ApiObject owner : owners) {
        ObjectNode r = refs.addObject();
        r.put("apiVersion", owner.apiVersion());
        r.put("kind", owner.kind());
        r.put("name", owner.name());
        r.put("uid", owner.uid());
        if (block) {
          r.put("blockOwnerDeletion", true);
        }
      }
    }
    return client.create(LEASE, o);
  }

  private boolean gone(KindInfo kind, String ns, String name) {
    return client.find(kind, ns, name).isEmpty();
  }

  @Test
  void backgroundDeletesDependentsOnceTheirOwnersAreGone() {
    String ns = server.newNamespace();
    ApiObject owner = lease(ns, "owner");
    ApiObject other = lease(ns, "other");
    lease(ns, "dep-1", owner);
    lease(ns, "dep-2", owner);
    lease(ns, "shared", owner, other);

    client.delete(LEASE, ns, "owner", DeleteOptions.defaults());

    assertThat(gone(LEASE, ns, "owner")).isTrue();
    Eventually.assertThat(
        () -> {
          assertThat(gone(LEASE, ns, "dep-1")).isTrue();
          assertThat(gone(LEASE, ns, "dep-2")).isTrue();
          // Another owner lives: the object stays and only loses the reference to the dead one.
          ApiObject shared = client.get(LEASE, ns, "shared");
          assertThat(shared.metadata().path("ownerReferences")).hasSize(1);
          assertThat(shared.metadata().path("ownerReferences").get(0).path("uid").asText())
              .isEqualTo(other.uid());
        });
  }

  @Test
  void foregroundKeepsTheOwnerUntilItsBlockingDependentsAreGone() {
    String ns = server.newNamespace();
    ApiObject owner = lease(ns, "owner");
    ApiObject held = lease(ns, "held", true, owner);
    // A finalizer of the test's keeps the dependent (and so the owner) around until released.
    ApiObject withFinalizer = held.copy();
    withFinalizer.metadata().putArray("finalizers").add("example.com/hold");
    client.replace(LEASE, withFinalizer);
    lease(ns, "free", owner);

    client.delete(LEASE, ns, "owner", new DeleteOptions("Foreground"));

    Eventually.assertThat(
        () -> {
          assertThat(client.get(LEASE, ns, "held").deletionTimestamp()).isNotNull();
          assertThat(gone(LEASE, ns, "free")).isTrue();
        });
    ApiObject waiting = client.get(LEASE, ns, "owner");
    assertThat(waiting.deletionTimestamp()).isNotNull();
    assertThat(waiting.finalizers()).containsExactly("foregroundDeletion");

    client.patch(
        LEASE, ns, "held", Json.MAPPER.createObjectNode().set("metadata", finalizersNull()));

    Eventually.assertThat(
        () -> {
          assertThat(gone(LEASE, ns, "held")).isTrue();
          assertThat(gone(LEASE, ns, "owner")).isTrue();
        });
  }

  @Test
  void foregroundWithoutDependentsLetsTheOwnerGo() {
    String ns = server.newNamespace();
    lease(ns, "alone");
    client.delete(LEASE, ns, "alone", new DeleteOptions("Foreground"));
    Eventually.assertThat(() -> assertThat(gone(LEASE, ns, "alone")).isTrue());
  }

  @Test
  void orphanKeepsDependentsAndRemovesTheOwnersReferences() {
    String ns = server.newNamespace();
    ApiObject owner = lease(ns, "owner");
    lease(ns, "dep-1", owner);
    lease(ns, "dep-2", true, owner);

    client.delete(LEASE, ns, "owner", new DeleteOptions("Orphan"));

    Eventually.assertThat(() -> assertThat(gone(LEASE, ns, "owner")).isTrue());
    for (String name : List.of("dep-1", "dep-2")) {
      ApiObject dep = client.get(LEASE, ns, name);
      assertThat(dep.metadata().has("ownerReferences")).as(name).isFalse();
      assertThat(dep.deletionTimestamp()).isNull();
    }
  }

  @Test
  void anObjectWhoseOwnerNeverExistedIsCollected() {
    String ns = server.newNamespace();
    ApiObject real = lease(ns, "real");
    ApiObject impostor = real.copy();
    impostor.metadata().put("uid", "00000000-0000-0000-0000-000000000000");
    ApiObject phantom = ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, "phantom");
    phantom.metadata().put("uid", "11111111-1111-1111-1111-111111111111");
    lease(ns, "wrong-uid", impostor);
    lease(ns, "no-such-owner", phantom);
    lease(ns, "rightful", real);

    Eventually.assertThat(
        () -> {
          assertThat(gone(LEASE, ns, "wrong-uid")).isTrue();
          assertThat(gone(LEASE, ns, "no-such-owner")).isTrue();
        });
    assertThat(gone(LEASE, ns, "rightful")).isFalse();
    assertThat(gone(LEASE, ns, "real")).isFalse();
  }

  @Test
  void dependentsOfCustomObjectsAreCollectedWhenTheOwnerOrItsWholeKindGoes() throws IOException {
    String ns = server.newNamespace();
    String group = "gc" + Long.toHexString(System.nanoTime()) + ".example.com";
    // Created after the collector started: it must notice the new kind.
    client.create(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, crd(group));
    KindInfo database =
        Eventually.get(
                () ->
                    client.discover().stream()
                        .filter(k -> k.group().equals(group) && k.kind().equals("Database"))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    ApiObject db1 = client.create(database, db(group, ns, "db1"));
    ApiObject db2 = client.create(database, db(group, ns, "db2"));
    lease(ns, "of-db1", db1);
    lease(ns, "of-db2", db2);

    client.delete(database, ns, "db1", DeleteOptions.defaults());
    // The collector may start watching Databases only after db1 is gone, so that no event ever
    // tells it of the delete: it must notice by looking at of-db1 again (see
    // GcReconciler.CACHE_LAG_RECHECK), well before any resync.
    Eventually.assertThat(() -> assertThat(gone(LEASE, ns, "of-db1")).isTrue());
    assertThat(gone(LEASE, ns, "of-db2")).isFalse();

    // Deleting the CRD deletes its objects, and with them what they own.
    client.delete(
        BuiltinKinds.CUSTOM_RESOURCE_DEFINITION,
        null,
        "databases." + group,
        DeleteOptions.defaults());
    Eventually.assertThat(() -> assertThat(gone(LEASE, ns, "of-db2")).isTrue());
  }

  private static ObjectNode finalizersNull() {
    ObjectNode meta = Json.MAPPER.createObjectNode();
    meta.putNull("finalizers");
    return meta;
  }

  private static ApiObject crd(String group) throws IOException {
    return new ApiObject(
        (ObjectNode)
            Json.YAML.readTree(
                """
                apiVersion: nexus.dev/v1
                kind: CustomResourceDefinition
                metadata: {name: databases.GROUP}
                spec:
                  group: GROUP
                  names: {kind: Database, plural: databases, singular: database}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                size: {type: string}
                """
                    .replace("GROUP", group)));
  }

  private static ApiObject db(String group, String ns, String name) {
    ApiObject o = ApiObject.of(group + "/v1", "Database", ns, name);
    o.node().putObject("spec").put("size", "small");
    return o;
  }
}
