package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand concurrent watchers are cheap: one write reaches every one of them. Each watcher is a
 * plain socket read by a virtual thread, so the test measures the server, not a client library.
 */
class WatchFanOutIT {
  private static final int WATCHERS = 1000;

  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  @Test
  void oneWriteReachesAThousandWatchers() throws Exception {
    Http http = SERVER.http();
    String ns = SERVER.newNamespace();
    String rv = http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asText();
    URI base = http.uri("/");
    CountDownLatch open = new CountDownLatch(WATCHERS);
    CountDownLatch delivered = new CountDownLatch(WATCHERS);
    AtomicLongArray arrival = new AtomicLongArray(WATCHERS);
    List<Socket> sockets = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < WATCHERS; i++) {
      Socket s = new Socket(base.getHost(), base.getPort());
      sockets.add(s);
      int index = i;
      readers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      OutputStream out = s.getOutputStream();
                      out.write(
                          ("GET "
                                  + workloads(ns)
                                  + "?watch=true&resourceVersion="
                                  + rv
                                  + " HTTP/1.1\r\nHost: nexus\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
                      out.flush();
                      BufferedReader in =
                          new BufferedReader(
                              new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                      String status = in.readLine();
                      if (status == null || !status.contains(" 200 ")) {
                        throw new IllegalStateException("watch refused: " + status);
                      }
                      open.countDown();
                      String line;
                      while ((line = in.readLine()) != null) {
                        if (line.contains("\"name\":\"fanout\"")) {
                          arrival.set(index, System.nanoTime());
                          delivered.countDown();
                          return;
                        }
                      }
                    } catch (Exception e) {
                      // the assertion on the latch reports it
                    }
                  }));
    }
    try {
      assertThat(open.await(60, TimeUnit.SECONDS)).as("all watches open").isTrue();
      long written = System.nanoTime();
      assertThat(http.post(workloads(ns), workloadJson(ns, "fanout", 1)).code()).isEqualTo(201);
      assertThat(delivered.await(30, TimeUnit.SECONDS))
          .as("every watcher got the event; missing " + delivered.getCount())
          .isTrue();
      long[] latencies = new long[WATCHERS];
      for (int i = 0; i < WATCHERS; i++) {
        latencies[i] = arrival.get(i) - written;
      }
      Arrays.sort(latencies);
      Duration p50 = Duration.ofNanos(latencies[WATCHERS / 2]);
      Duration p99 = Duration.ofNanos(latencies[WATCHERS * 99 / 100]);
      System.out.printf(
          "watch fan-out to %d watchers: p50 %d ms, p99 %d ms, max %d ms (write included)%n",
          WATCHERS, p50.toMillis(), p99.toMillis(), latencies[WATCHERS - 1] / 1_000_000);
      assertThat(p99).isLessThan(Duration.ofSeconds(5));
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
      for (Thread t : readers) {
        t.join(Duration.ofSeconds(5));
      }
    }
  }
}
