package dev.nexus.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.raft.RaftStore;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create whose namespace changes between the namespace check and the write: the write is guarded
 * by the namespace's revision, so it cannot leave an object in a namespace that is gone or
 * terminating, and the client gets the answer it would have got a moment later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamespaceGuardIT {
  @TempDir static Path dir;
  RaftStore raft;
  InterleavingStore store;
  ResourceRegistry registry;
  int namespaces;

  @BeforeAll
  void open() throws Exception {
    raft = RaftStore.open(StoreConfig.builder(dir).watchCacheRevisions(64).build());
    assertThat(raft.awaitReady(Duration.ofSeconds(20))).isTrue();
    store = new InterleavingStore(raft);
    registry =
        new ResourceRegistry(
            store, KindRegistry.builtin(), Clock.systemUTC(), 1 << 20, Duration.ofSeconds(10));
  }

  @AfterAll
  void close() {
    if (raft != null) {
      raft.close();
    }
  }

  private String newNamespace() {
    String name = "ns" + ++namespaces;
    registry.create(
        BuiltinKinds.NAMESPACE,
        null,
        json(
            "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"%s\"}}",
            name));
    return name;
  }

  private static ObjectNode json(String template, Object... args) {
    return (ObjectNode) Json.parse(template.formatted(args).getBytes());
  }

  private static ObjectNode workload(String ns, String name, boolean finalizer) {
    return json(
        """
        {"apiVersion":"nexus.dev/v1","kind":"Workload",
         "metadata":{"name":"%s","namespace":"%s"%s},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"a"}},
                 "template":{"metadata":{"labels":{"app":"a"}},
                             "spec":{"runtime":"process","command":["/bin/true"]}}}}
        """,
        name, ns, finalizer ? ",\"finalizers\":[\"nexus.dev/test\"]" : "");
  }

  private ObjectRef namespaceRef(String ns) {
    return new ObjectRef(BuiltinKinds.NAMESPACE, null, ns);
  }

  private boolean stored(String ns, String name) {
    return raft.get(Keys.object(BuiltinKinds.WORKLOAD, ns, name), Consistency.LINEARIZABLE)
        .isPresent();
  }

  @Test
  void aNamespaceDeletedBeforeTheCreateCommitsAnswers404AndKeepsNothing() {
    String ns = newNamespace();
    store.beforeNextCommit(() -> registry.delete(namespaceRef(ns), DeleteOptions.NONE));

    assertThatThrownBy(() -> registry.create(BuiltinKinds.WORKLOAD, ns, workload(ns, "w", false)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.getMessage()).contains("namespace \"" + ns + "\" not found");
            });
    assertThat(stored(ns, "w")).isFalse();
    assertThat(raft.get(Keys.namespace(ns), Consistency.LINEARIZABLE)).isEmpty();
  }

  @Test
  void aNamespaceTurnedTerminatingBeforeTheCreateCommitsAnswers403() {
    String ns = newNamespace();
    registry.create(BuiltinKinds.WORKLOAD, ns, workload(ns, "held", true));
    store.beforeNextCommit(() -> registry.delete(namespaceRef(ns), DeleteOptions.NONE));

    assertThatThrownBy(() -> registry.create(BuiltinKinds.WORKLOAD, ns, workload(ns, "w", false)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.getMessage()).contains("because it is being terminated");
            });
    assertThat(stored(ns, "w")).isFalse();
  }

  @Test
  void aNamespaceThatOnlyChangedItsLabelsStillTakesTheCreate() {
    String ns = newNamespace();
    store.beforeNextCommit(
        () ->
            registry.patch(
                namespaceRef(ns),
                Subresource.MAIN,
                json("{\"metadata\":{\"labels\":{\"team\":\"a\"}}}")));

    ObjectNode created = registry.create(BuiltinKinds.WORKLOAD, ns, workload(ns, "w", false));

    assertThat(created.at("/metadata/resourceVersion").asText()).matches("\\d+");
    assertThat(stored(ns, "w")).isTrue();
  }
}
