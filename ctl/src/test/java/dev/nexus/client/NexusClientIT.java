package dev.nexus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.ctl.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real in-process API server (Ratis + LMDB + HTTP). Lives in the ctl module
 * because apiserver's tests depend on the client, and Maven forbids the cycle client→apiserver.
 */
class NexusClientIT {
  private static final KindInfo WL = BuiltinKinds.WORKLOAD;

  private NexusClient client;
  private String ns;

  @BeforeEach
  void setUp() {
    client = NexusClient.forServer(TestServer.get().uri());
    ns = TestServer.get().newNamespace(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static ApiObject workload(String ns, String name, int replicas, String app) {
    try {
      return new ApiObject(
          (ObjectNode)
              Json.YAML.readTree(
                  """
                  apiVersion: nexus.dev/v1
                  kind: Workload
                  metadata: {name: %s, namespace: %s, labels: {app: %s}}
                  spec:
                    replicas: %d
                    selector: {matchLabels: {app: %s}}
                    template:
                      metadata: {labels: {app: %s}}
                      spec: {runtime: process, command: [sleep, "3600"]}
                  """
                      .formatted(name, ns, app, replicas, app, app)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createGetReplacePatchDelete() {
    ApiObject created = client.create(WL, workload(ns, "web", 2, "web"));
    assertThat(created.uid()).isNotBlank();
    assertThat(created.resourceVersion()).isNotBlank();
    assertThat(created.generation()).isEqualTo(1);

    ApiObject got = client.get(WL, ns, "web");
    assertThat(got.node().path("spec").path("replicas").asInt()).isEqualTo(2);

    ApiObject changed = got.copy();
    ((ObjectNode) changed.node().get("spec")).put("replicas", 4);
    ApiObject replaced = client.replace(WL, changed);
    assertThat(replaced.generation()).isEqualTo(2);

    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("metadata").putObject("labels").put("tier", "front");
    ApiObject patched = client.patch(WL, ns, "web", patch);
    assertThat(patched.labels()).containsEntry("app", "web").containsEntry("tier", "front");
    assertThat(patched.node().path("spec").path("replicas").asInt()).isEqualTo(4);

    client.delete(WL, ns, "web", DeleteOptions.defaults());
    assertThatThrownBy(() -> client.get(WL, ns, "web"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void serverRefusalsArriveAsTheServersStatus() {
    client.create(WL, workload(ns, "web", 1, "web"));

    assertThatThrownBy(() -> client.create(WL, workload(ns, "web", 1, "web")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.reason()).isEqualTo("AlreadyExists");
              assertThat(e.getMessage()).contains("web", "already exists");
            });

    ApiObject invalid = workload(ns, "bad", 1, "bad");
    ((ObjectNode) invalid.node().get("spec")).put("replicas", -1);
    assertThatThrownBy(() -> client.create(WL, invalid))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.status().causes())
                  .anySatisfy(c -> assertThat(c.field()).isEqualTo("spec.replicas"));
            });

    ApiObject stale = client.get(WL, ns, "web");
    client.patch(WL, ns, "web", Json.MAPPER.createObjectNode().set("spec", spec(3)));
    ((ObjectNode) stale.node().get("spec")).put("replicas", 5);
    assertThatThrownBy(() -> client.replace(WL, stale))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.reason()).isEqualTo("Conflict");
            });
  }

  private static ObjectNode spec(int replicas) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("replicas", replicas);
    return s;
  }

  @Test
  void listFiltersByLabelAndPagesWithContinueTokens() {
    for (int i = 0; i < 5; i++) {
      client.create(WL, workload(ns, "web-" + i, 1, i % 2 == 0 ? "even" : "odd"));
    }
    ObjectList even = client.list(WL, ns, ListOptions.labels("app=even"));
    assertThat(even.items()).extracting(ApiObject::name).containsExactly("web-0", "web-2", "web-4");
    assertThat(even.resourceVersion()).isNotBlank();

    ObjectList page = client.list(WL, ns, ListOptions.none().withLimit(2));
    assertThat(page.items()).hasSize(2);
    assertThat(page.hasMore()).isTrue();

    ObjectList all = client.listAll(WL, ns, ListOptions.none().withLimit(2));
    assertThat(all.items())
        .extracting(ApiObject::name)
        .containsExactly("web-0", "web-1", "web-2", "web-3", "web-4");
    assertThat(all.continueToken()).isNull();

    ObjectList byName = client.list(WL, ns, ListOptions.fields("metadata.name=web-3"));
    assertThat(byName.items()).extracting(ApiObject::name).containsExactly("web-3");

    ObjectList everywhere = client.listAll(WL, null, ListOptions.labels("app=odd"));
    assertThat(everywhere.items()).extracting(ApiObject::namespace).contains(ns);
  }

  @Test
  void statusIsWrittenOnlyThroughTheSubresource() {
    ApiObject created = client.create(WL, workload(ns, "web", 2, "web"));
    ApiObject withStatus = created.copy();
    withStatus.node().putObject("status").put("readyReplicas", 2);
    ((ObjectNode) withStatus.node().get("spec")).put("replicas", 9);

    ApiObject stored = client.updateStatus(WL, withStatus);

    assertThat(stored.node().path("status").path("readyReplicas").asInt()).isEqualTo(2);
    assertThat(stored.node().path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void watchDeliversEveryChangeAfterTheListRevisionInOrder() {
    ObjectList before = client.list(WL, ns, ListOptions.none());
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    AtomicReference<Exception> closed = new AtomicReference<>();
    boolean[] closedCalled = {false};
    Watch watch =
        client.watch(
            WL,
            ns,
            WatchOptions.from(before.resourceVersion()),
            new WatchListener() {
              @Override
              public void onEvent(WatchEvent event) {
                if (event.type() != WatchEvent.Type.BOOKMARK) {
                  events.add(event);
                }
              }

              @Override
              public void onClose(Exception error) {
                closed.set(error);
                closedCalled[0] = true;
              }
            });
    client.create(WL, workload(ns, "web", 1, "web"));
    client.patch(WL, ns, "web", Json.MAPPER.createObjectNode().set("spec", spec(2)));
    client.delete(WL, ns, "web", DeleteOptions.defaults());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(events)
                    .extracting(WatchEvent::type)
                    .containsExactly(
                        WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED));
    assertThat(events.get(1).object().node().path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(Long.parseLong(events.get(0).resourceVersion()))
        .isLessThan(Long.parseLong(events.get(1).resourceVersion()));

    watch.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> closedCalled[0]);
    assertThat(closed.get()).isNull();
    assertThat(watch.isOpen()).isFalse();
  }

  @Test
  void watchOfOneNameSeesOnlyThatObject() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch w =
        client.watch(
            WL,
            ns,
            WatchOptions.from(client.list(WL, ns, null).resourceVersion()).withName("b"),
            e -> {
              if (e.type() != WatchEvent.Type.BOOKMARK) {
                seen.add(e.object().name());
              }
            })) {
      client.create(WL, workload(ns, "a", 1, "a"));
      client.create(WL, workload(ns, "b", 1, "b"));
      client.create(WL, workload(ns, "c", 1, "c"));
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("b"));
      client.patch(WL, ns, "c", Json.MAPPER.createObjectNode().set("spec", spec(3)));
      client.patch(WL, ns, "b", Json.MAPPER.createObjectNode().set("spec", spec(3)));
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
      assertThat(seen).containsExactly("b", "b");
    }
  }

  @Test
  void watchFromABadRevisionIsRefusedUpFront() {
    assertThatThrownBy(
            () -> client.watch(WL, ns, new WatchOptions("abc", null, null, null), e -> {}))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).contains("resourceVersion");
            });
  }

  @Test
  void discoveryAnnouncesEveryBuiltinKindWithItsFlags() {
    List<KindInfo> kinds = client.discover();
    assertThat(kinds)
        .extracting(KindInfo::kind)
        .containsAll(BuiltinKinds.ALL.stream().map(KindInfo::kind).toList());
    KindInfo wl = kinds.stream().filter(k -> k.kind().equals("Workload")).findFirst().orElseThrow();
    assertThat(wl).isEqualTo(BuiltinKinds.WORKLOAD);
    KindInfo node = kinds.stream().filter(k -> k.kind().equals("Node")).findFirst().orElseThrow();
    assertThat(node.namespaced()).isFalse();
  }

  @Test
  void versionAnswers() {
    assertThat(client.version().isObject()).isTrue();
    assertThat(client.version().size()).isPositive();
  }
}
