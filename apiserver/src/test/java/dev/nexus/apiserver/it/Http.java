package dev.nexus.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small blocking HTTP client for tests (java.net.http, HTTP/1.1). */
public final class Http implements AutoCloseable {
  private final String base;
  private final HttpClient client;

  public Http(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public String base() {
    return base;
  }

  public HttpClient client() {
    return client;
  }

  /** One response: code, body text, headers. */
  public record Resp(int code, String body, HttpHeaders headers) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + code + "): " + body, e);
      }
    }

    public String reason() {
      return json().path("reason").asText();
    }

    public String message() {
      return json().path("message").asText();
    }

    @Override
    public String toString() {
      return code + " " + body;
    }
  }

  public Resp get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public Resp post(String path, String body, String... headers) {
    return send("POST", path, body, withDefaultType(headers, "application/json"));
  }

  public Resp put(String path, String body, String... headers) {
    return send("PUT", path, body, withDefaultType(headers, "application/json"));
  }

  public Resp patch(String path, String body, String... headers) {
    return send("PATCH", path, body, withDefaultType(headers, "application/merge-patch+json"));
  }

  public Resp delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public Resp delete(String path, String body) {
    return send("DELETE", path, body, "Content-Type", "application/json");
  }

  public Resp send(String method, String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        headers);
  }

  public Resp sendBytes(String method, String path, byte[] body, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  private Resp send(HttpRequest.Builder b, String... headers) {
    if (headers.length > 0) {
      b.headers(headers);
    }
    b.timeout(Duration.ofSeconds(30));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  private static String[] withDefaultType(String[] headers, String type) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        return headers;
      }
    }
    String[] out = new String[headers.length + 2];
    System.arraycopy(headers, 0, out, 0, headers.length);
    out[headers.length] = "Content-Type";
    out[headers.length + 1] = type;
    return out;
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
