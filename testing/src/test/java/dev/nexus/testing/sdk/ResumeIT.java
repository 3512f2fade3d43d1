package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.kinds.BuiltinKinds;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections cut while writes go on: watchForever and informers resume from the last revision they
 * delivered and miss nothing, repeat nothing.
 */
@NexusTest(bookmarkIntervalMillis = 500)
class ResumeIT {
  NexusClient client; // straight to the server: keeps writing while the proxy is cut
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

  @Test
  void watchForeverResumesAfterACutWithoutGapOrRepeat() {
    String ns = server.newNamespace();
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Exception> closedWith =
        new AtomicReference<>(new IllegalStateException("open"));
    Watch watch =
        viaProxy.watchForever(
            BuiltinKinds.LEASE,
            ns,
            null,
            new WatchListener() {
              @Override
              public void onEvent(WatchEvent e) {
                if (e.type() != WatchEvent.Type.BOOKMARK) {
                  seen.add(e.type() + " " + e.object().name());
                }
              }

              @Override
              public void onClose(Exception error) {
                closedWith.set(error);
              }
            });
    Leases.create(client, ns, "x");
    Eventually.assertThat(() -> assertThat(seen).containsExactly("ADDED x"));

    proxy.cut();
    Leases.create(client, ns, "y");
    Leases.holder(client, ns, "x", "h");
    Leases.delete(client, ns, "y");
    proxy.restore();
    Leases.create(client, ns, "z");

    Eventually.assertThat(
        () ->
            assertThat(seen)
                .containsExactly("ADDED x", "ADDED y", "MODIFIED x", "DELETED y", "ADDED z"));
    assertThat(watch.isOpen()).isTrue();
    watch.close();
    Eventually.assertThat(() -> assertThat(closedWith.get()).isNull());
    assertThat(watch.isOpen()).isFalse();
  }

  @Test
  void anInformerResumesAfterACutAndDeliversEveryChangeOnce() {
    String ns = server.newNamespace();
    Leases.create(client, ns, "a");
    try (SharedInformerFactory factory = new SharedInformerFactory(viaProxy)) {
      SharedInformer informer = factory.informer(BuiltinKinds.LEASE);
      Recorder recorder = new Recorder(ns);
      informer.addEventHandler(recorder);
      factory.start();
      assertThat(factory.waitForSync(Duration.ofSeconds(30))).isTrue();
      Eventually.assertThat(() -> assertThat(recorder.kinds()).containsExactly("ADD a"));

      proxy.cut();
      Leases.create(client, ns, "b");
      Leases.holder(client, ns, "a", "h1");
      Leases.holder(client, ns, "a", "h2");
      Leases.delete(client, ns, "b");
      Leases.create(client, ns, "c");
      proxy.restore();

      Eventually.assertThat(
          () ->
              assertThat(recorder.kinds())
                  .containsExactly("ADD a", "ADD b", "UPDATE a", "UPDATE a", "DELETE b", "ADD c"));
      assertThat(informer.cache().list(ns))
          .extracting(o -> o.name() + "=" + o.node().path("spec").path("holderIdentity").asText())
          .containsExactly("a=h2", "c=");
    }
  }
}
