package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.client.NexusClient;
import dev.nexus.client.WatchListener;
import dev.nexus.client.WatchOptions;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing a client ends its open watches instead of waiting for them. */
@NexusTest
class ClientCloseIT {
  TestServer server;

  @Test
  void closeEndsOpenWatchesAndReturnsPromptly() throws Exception {
    NexusClient client = server.newClient();
    CountDownLatch plainClosed = new CountDownLatch(1);
    CountDownLatch resumingClosed = new CountDownLatch(1);
    client.watch(
        BuiltinKinds.WORKLOAD,
        "default",
        WatchOptions.from(null),
        new WatchListener() {
          @Override
          public void onEvent(dev.nexus.client.WatchEvent event) {}

          @Override
          public void onClose(Exception error) {
            plainClosed.countDown();
          }
        });
    client.watchForever(
        BuiltinKinds.WORKLOAD,
        "default",
        null,
        new WatchListener() {
          @Override
          public void onEvent(dev.nexus.client.WatchEvent event) {}

          @Override
          public void onClose(Exception error) {
            resumingClosed.countDown();
          }
        });

    long started = System.nanoTime();
    client.close();

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
    assertThat(plainClosed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(resumingClosed.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
