package dev.nexus.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads one watch stream in the background: each non-blank line is a JSON event, queued for the
 * test to take. The stream's end is queued as a {@link #END} marker.
 */
public final class WatchClient implements AutoCloseable {
  /** Marks the end of the stream. */
  public static final JsonNode END = Json.MAPPER.createObjectNode().put("type", "END");

  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final int status;
  private final InputStream body;
  private final Thread reader;

  private WatchClient(int status, InputStream body) {
    this.status = status;
    this.body = body;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  /** Opens {@code path} (which must ask for a watch) and returns once headers arrived. */
  public static WatchClient open(Http http, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<InputStream> r =
        http.client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    return new WatchClient(r.statusCode(), r.body());
  }

  public int status() {
    return status;
  }

  /** The next event, or null if none arrives within {@code timeout}. */
  public JsonNode next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event that is not a BOOKMARK. */
  public JsonNode nextChange(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null || !"BOOKMARK".equals(e.path("type").asText())) {
        return e;
      }
    }
  }

  /** Takes {@code n} non-bookmark events, failing if they do not all come in time. */
  public List<JsonNode> changes(int n, Duration timeout) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (out.size() < n) {
      JsonNode e = nextChange(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (e == null) {
        throw new AssertionError("got only " + out.size() + " of " + n + " events: " + out);
      }
      out.add(e);
    }
    return out;
  }

  /** Whatever is queued now, without waiting. */
  public List<JsonNode> drain() {
    List<JsonNode> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          events.add(Json.MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      // closed by the test or the server
    } finally {
      events.add(END);
    }
  }

  @Override
  public void close() throws Exception {
    body.close();
    reader.join(Duration.ofSeconds(5));
  }

  public static String type(JsonNode event) {
    return event.path("type").asText();
  }

  public static String name(JsonNode event) {
    return event.path("object").path("metadata").path("name").asText();
  }

  public static long rv(JsonNode event) {
    return Long.parseLong(event.path("object").path("metadata").path("resourceVersion").asText());
  }
}
