package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.GoneException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import dev.nexus.client.informer.SharedInformer;
import dev.nexus.client.informer.SharedInformerFactory;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that keeps only five revisions of history: a client cut off while more happens comes
 * back to a 410. watchForever reports it; an informer lists again and delivers the difference.
 */
@NexusTest(watchHistoryWindow = 5, watchCacheRevisions = 4, bookmarkIntervalMillis = 500)
class RelistIT {
  NexusClient client;
  TestServer server;
  CuttableProxy proxy;
  NexusClient viaProxy;

  @BeforeEach
  void proxy() throws Exception {
    proxy = new CuttableProxy(server.uri());
    viaProxy = NexusClient.forServer(proxy.uri());
  }

  @AfterEach
  void close() {
    viaProxy.close();
    proxy.close();
  }

  /** Writes elsewhere until the server no longer keeps history after {@code revision}. */
  private void compactPast(long revision) {
    String filler = server.newNamespace();
    for (int i = 0; i < 12; i++) {
      Leases.create(client, filler, "f" + i);
    }
    Eventually.assertThat(
        () ->
            assertThat(server.apiServer().store().oldestWatchableRevision())
                .isGreaterThan(revision + 1));
  }

  @Test
  void anInformerCutOffPastTheHistoryRelistsAndDeliversTheDifference() {
    String ns = server.newNamespace();
    Leases.create(client, ns, "a");
    Leases.create(client, ns, "b");
    Leases.create(client, ns, "c");
    try (SharedInformerFactory factory = new SharedInformerFactory(viaProxy)) {
      SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
      Recorder recorder = new Recorder(ns);
      informer.addEventHandler(recorder);
      factory.start();
      assertThat(factory.waitForSync(Duration.ofSeconds(30))).isTrue();
      Eventually.assertThat(
          () -> assertThat(recorder.kinds()).containsExactly("ADD a", "ADD b", "ADD c"));

      proxy.cut();
      long before = informer.lastSyncRevision();
      Leases.delete(client, ns, "a");
      ApiObject b2 = Leases.holder(client, ns, "b", "new-holder");
      Leases.create(client, ns, "d");
      compactPast(before);
      proxy.restore();

      // The relist's difference: b changed, d is new (in list order), then a went away; c as is.
      Eventually.assertThat(
          () ->
              assertThat(recorder.kinds())
                  .containsExactly("ADD a", "ADD b", "ADD c", "UPDATE b", "ADD d", "DELETE a"));
      assertThat(recorder.events().get(3)).endsWith("->" + b2.resourceVersion());
      assertThat(informer.cache().list(ns))
          .extracting(ApiObject::name)
          .containsExactly("b", "c", "d");
      assertThat(informer.cache().get(ns, "b").orElseThrow().resourceVersion())
          .isEqualTo(b2.resourceVersion());
    }
  }

  @Test
  void watchForeverReportsGoneAndEnds() {
    String ns = server.newNamespace();
    AtomicBoolean gone = new AtomicBoolean();
    AtomicReference<Exception> closedWith = new AtomicReference<>();
    AtomicReference<String> last = new AtomicReference<>();
    Watch watch =
        viaProxy.watchForever(
            BuiltinKinds.LEASE,
            ns,
            null,
            new WatchListener() {
              @Override
              public void onEvent(WatchEvent e) {
                last.set(e.resourceVersion());
              }

              @Override
              public void onGone() {
                gone.set(true);
              }

              @Override
              public void onClose(Exception error) {
                closedWith.set(error);
              }
            });
    ApiObject first = Leases.create(client, ns, "first");
    Eventually.assertThat(() -> assertThat(last.get()).isNotNull());
    proxy.cut();
    compactPast(Long.parseLong(last.get()));
    Leases.create(client, ns, "missed");
    proxy.restore();

    Eventually.assertThat(() -> assertThat(closedWith.get()).isInstanceOf(GoneException.class));
    assertThat(gone).isTrue();
    assertThat(watch.isOpen()).isFalse();
    assertThat(first.name()).isEqualTo("first");
  }
}
