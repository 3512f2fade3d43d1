package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that does not keep up costs its own small queue, not the server's memory: when the queue
 * overflows the server registers again after the last event it wrote, so the client still sees
 * every change once, in order, on one stream.
 */
class WatchOverflowIT {
  @RegisterExtension
  static final ServerExtension SERVER = new ServerExtension(b -> b.watchQueueCapacity(2));

  @Test
  void aSlowClientIsCutOffAndResumesWithoutLoss() throws Exception {
    Http http = SERVER.http();
    String ns = SERVER.newNamespace();
    String rv = http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asText();
    URI base = http.uri("/");
    List<JsonNode> seen = new ArrayList<>();
    String pad = "x".repeat(100_000);
    int writes = 40;
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(4096);
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      s.getOutputStream()
          .write(
              ("GET "
                      + workloads(ns)
                      + "?watch=true&resourceVersion="
                      + rv
                      + " HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      // Not reading while the writes happen: the server's writer blocks, the queue overflows.
      for (int i = 0; i < writes; i++) {
        String body =
            workloadJson(ns, "w" + i, 1)
                .replaceFirst(
                    "\"labels\":", "\"annotations\":{\"pad\":\"" + pad + "\"},\"labels\":");
        assertThat(http.post(workloads(ns), body).code()).isEqualTo(201);
      }
      s.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while (seen.size() < writes && (line = in.readLine()) != null) {
        if (line.startsWith("{")) {
          seen.add(Json.MAPPER.readTree(line));
        }
      }
    }
    assertThat(seen).hasSize(writes);
    assertThat(resumes())
        .as("the queue overflowed and the watch was registered again")
        .isPositive();
    for (int i = 0; i < writes; i++) {
      assertThat(seen.get(i).path("type").asText()).isEqualTo("ADDED");
      assertThat(WatchClient.name(seen.get(i))).isEqualTo("w" + i);
    }
  }

  private static double resumes() {
    for (String line : SERVER.http().get("/metrics").body().split("\n")) {
      if (line.startsWith("nexus_apiserver_watch_resumes_total ")) {
        return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    return 0;
  }

  @Test
  void aWatchFarBehindCatchesUpThroughASmallQueue() throws Exception {
    Http http = SERVER.http();
    String ns = SERVER.newNamespace();
    String rv = http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asText();
    for (int i = 0; i < 30; i++) {
      http.post(workloads(ns), workloadJson(ns, "c" + i, 1));
    }
    try (WatchClient w =
        WatchClient.open(http, workloads(ns) + "?watch=true&resourceVersion=" + rv)) {
      List<JsonNode> events = w.changes(30, Duration.ofSeconds(20));
      for (int i = 0; i < 30; i++) {
        assertThat(WatchClient.name(events.get(i))).isEqualTo("c" + i);
      }
      assertThat(w.nextChange(Duration.ofMillis(300))).isNull();
    }
  }
}
