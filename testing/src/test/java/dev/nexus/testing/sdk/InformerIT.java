package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.Indexes;
import dev.nexus.client.informer.ResourceEventHandler;
import dev.nexus.client.informer.SharedInformer;
import dev.nexus.client.informer.SharedInformerFactory;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Informers against a real server: events in order, late handlers, indexes, resync, sharing. */
@NexusTest(bookmarkIntervalMillis = 500)
class InformerIT {
  private static final Duration SYNC = Duration.ofSeconds(30);

  NexusClient client;
  TestServer server;
  SharedInformerFactory factory;

  @BeforeEach
  void newFactory() {
    factory = new SharedInformerFactory(client);
  }

  @AfterEach
  void closeFactory() {
    factory.close();
  }

  @Test
  void handlersSeeAddUpdateDeleteInOrderOnOneThread() {
    String ns = server.newNamespace();
    SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
    Recorder recorder = new Recorder(ns);
    informer.addEventHandler(recorder);
    factory.start();
    assertThat(factory.waitForSync(SYNC)).isTrue();
    assertThat(informer.hasSynced()).isTrue();

    Leases.create(client, ns, "a");
    Leases.create(client, ns, "b");
    ApiObject a2 = Leases.holder(client, ns, "a", "me");
    Leases.delete(client, ns, "b");
    Leases.delete(client, ns, "a");

    Eventually.assertThat(
        () ->
            assertThat(recorder.kinds())
                .containsExactly("ADD a", "ADD b", "UPDATE a", "DELETE b", "DELETE a"));
    assertThat(recorder.events().get(2)).endsWith("->" + a2.resourceVersion());
    assertThat(recorder.threads()).containsOnly("informer-leases");
    assertThat(informer.cache().list(ns)).isEmpty();
    assertThat(informer.lastSyncRevision())
        .isGreaterThanOrEqualTo(Long.parseLong(a2.resourceVersion()));
  }

  @Test
  void aLateHandlerFirstGetsEveryCachedObject() {
    String ns = server.newNamespace();
    Leases.create(client, ns, "x");
    Leases.create(client, ns, "y");
    SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
    factory.start();
    assertThat(factory.waitForSync(SYNC)).isTrue();
    Leases.create(client, ns, "z");
    Eventually.assertThat(() -> assertThat(informer.cache().get(ns, "z")).isPresent());

    Recorder late = new Recorder(ns);
    informer.addEventHandler(late);
    Eventually.assertThat(
        () -> assertThat(late.kinds()).containsExactly("ADD x", "ADD y", "ADD z"));
    Leases.delete(client, ns, "y");
    Eventually.assertThat(
        () -> assertThat(late.kinds()).containsExactly("ADD x", "ADD y", "ADD z", "DELETE y"));
  }

  @Test
  void cacheIndexesAnswerByNamespaceOwnerLabelAndUserFunction() {
    String ns = server.newNamespace();
    String other = server.newNamespace();
    SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
    informer.addIndexer(
        "holder",
        o -> {
          var h = o.node().path("spec").path("holderIdentity");
          return h.isTextual() ? List.of(h.asText()) : List.of();
        });
    factory.start();
    assertThat(factory.waitForSync(SYNC)).isTrue();

    client.create(BuiltinKinds.LEASE, lease(ns, "owned-1", "web", "uid-1"));
    client.create(BuiltinKinds.LEASE, lease(ns, "owned-2", "db", "uid-1"));
    client.create(BuiltinKinds.LEASE, lease(other, "owned-3", "web", "uid-2"));
    Leases.holder(client, ns, "owned-2", "node-7");
    Cache cache = informer.cache();
    Eventually.assertThat(
        () ->
            assertThat(cache.byIndex("holder", "node-7"))
                .extracting(ApiObject::name)
                .containsExactly("owned-2"));

    assertThat(cache.indexNames()).contains(Indexes.NAMESPACE, Indexes.OWNER, "holder");
    assertThat(cache.byIndex(Indexes.OWNER, "uid-1"))
        .extracting(ApiObject::name)
        .containsExactly("owned-1", "owned-2");
    assertThat(cache.byIndex(Indexes.NAMESPACE, other))
        .extracting(ApiObject::name)
        .containsExactly("owned-3");
    assertThat(cache.list(ns)).extracting(ApiObject::name).containsExactly("owned-1", "owned-2");
    assertThat(cache.byIndex(Indexes.label("app"), "web"))
        .extracting(o -> o.namespace() + "/" + o.name())
        .containsExactly(ns + "/owned-1", other + "/owned-3");

    // Indexes follow changes: relabel owned-1, delete owned-3.
    ObjectNode relabel = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    relabel.putObject("metadata").putObject("labels").put("app", "db");
    client.patch(BuiltinKinds.LEASE, ns, "owned-1", relabel);
    Leases.delete(client, other, "owned-3");
    Eventually.assertThat(
        () -> {
          assertThat(cache.byIndex(Indexes.label("app"), "web")).isEmpty();
          assertThat(cache.byIndex(Indexes.label("app"), "db"))
              .extracting(ApiObject::name)
              .containsExactly("owned-1", "owned-2");
          assertThat(cache.byIndex(Indexes.OWNER, "uid-2")).isEmpty();
        });
  }

  @Test
  void aResyncPeriodRedeliversEveryCachedObjectAsAnUnchangedUpdate() {
    String ns = server.newNamespace();
    Leases.create(client, ns, "r1");
    Leases.create(client, ns, "r2");
    AtomicInteger resyncs = new AtomicInteger();
    SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
    informer.addEventHandler(
        new ResourceEventHandler() {
          @Override
          public void onUpdate(ApiObject oldObj, ApiObject newObj) {
            if (ns.equals(newObj.namespace()) && oldObj == newObj) {
              resyncs.incrementAndGet();
            }
          }
        },
        Duration.ofMillis(200));
    factory.start();
    // Two objects, at least two periods: four or more unchanged updates, with no writes at all.
    Eventually.assertThat(() -> assertThat(resyncs.get()).isGreaterThanOrEqualTo(4));
  }

  @Test
  void oneFactoryHandsOutOneInformerPerKind() {
    SharedInformer leases = factory.informer(BuiltinKinds.LEASE);
    assertThat(factory.informer(BuiltinKinds.LEASE)).isSameAs(leases);
    assertThat(factory.informer(BuiltinKinds.WORKLOAD)).isNotSameAs(leases);
    assertThat(leases.kind()).isEqualTo(BuiltinKinds.LEASE);

    // An informer made after start starts at once, and two users of it share its cache.
    factory.start();
    String ns = server.newNamespace();
    Leases.create(client, ns, "shared");
    SharedInformer nodes = factory.informer(BuiltinKinds.NAMESPACE);
    Recorder first = new Recorder(ns);
    Recorder second = new Recorder(ns);
    factory.informer(BuiltinKinds.LEASE).addEventHandler(first);
    factory.informer(BuiltinKinds.LEASE).addEventHandler(second);
    Eventually.assertThat(() -> assertThat(nodes.cache().get(null, ns)).isPresent());
    Eventually.assertThat(
        () -> {
          assertThat(first.kinds()).containsExactly("ADD shared");
          assertThat(second.kinds()).containsExactly("ADD shared");
        });
    assertThat(factory.waitForSync(SYNC)).isTrue();
  }

  private static ApiObject lease(String ns, String name, String app, String ownerUid) {
    ApiObject o = ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, name);
    o.metadata().putObject("labels").put("app", app);
    ObjectNode ref = o.metadata().putArray("ownerReferences").addObject();
    ref.put("apiVersion", BuiltinKinds.API_VERSION);
    ref.put("kind", "Workload");
    ref.put("name", "owner-" + ownerUid);
    ref.put("uid", ownerUid);
    return o;
  }
}
