package dev.nexus.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.nexus.api.codec.Json;
import dev.nexus.client.ConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Sends one request and decodes the answer: a JSON body on 2xx, an {@link
 * dev.nexus.api.error.ApiException} from the Status body otherwise, a {@link ConnectionException}
 * naming the URL when the server cannot be reached.
 *
 * <p>With several servers (the members of one cluster, {@link ServerList}) a request that cannot
 * reach the current one, or that it answers 503 (no leader, storage unavailable), is sent to the
 * next; each server is tried at most once per request. A connection lost after a request was sent
 * is retried elsewhere only for GET, which cannot have changed anything.
 */
public final class Transport {
  private static final String USER_AGENT = "nexus-client/" + version();

  private final HttpClient client;
  private final ServerList servers;
  private final Duration requestTimeout;

  public Transport(HttpClient client, URI server, Duration requestTimeout) {
    this(client, new ServerList(List.of(server)), requestTimeout);
  }

  public Transport(HttpClient client, ServerList servers, Duration requestTimeout) {
    this.client = client;
    this.servers = servers;
    this.requestTimeout = requestTimeout;
  }

  /** Checks that {@code server} is an absolute http(s) URL and drops any trailing slash. */
  public static URI checkServer(URI server) {
    String scheme = server.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || server.getHost() == null) {
      throw new IllegalArgumentException(
          "server URL \"" + server + "\" must look like http://HOST:PORT");
    }
    String s = server.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /** The server requests go to now. */
  public URI server() {
    return servers.current();
  }

  public ServerList servers() {
    return servers;
  }

  /**
   * Runs {@code call} against the current server, moving to the next one when it fails in a way
   * another member may not (see the class comment), at most once per server.
   */
  private <T> T withFailover(String method, java.util.function.Function<URI, T> call) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < servers.size(); attempt++) {
      URI server = servers.current();
      try {
        return call.apply(server);
      } catch (ConnectionException e) {
        if (servers.size() == 1 || !(notSent(e) || method.equals("GET"))) {
          throw e;
        }
        last = e;
      } catch (dev.nexus.api.error.ApiException e) {
        if (servers.size() == 1 || e.code() != 503) {
          throw e;
        }
        last = e;
      }
      servers.failed(server);
    }
    throw last;
  }

  private static boolean notSent(ConnectionException e) {
    return e.getCause() instanceof ConnectException
        || e.getCause() instanceof HttpConnectTimeoutException;
  }

  /** Sends a request and returns the decoded JSON body ({@link NullNode} when empty). */
  public JsonNode send(String method, String path, String contentType, byte[] body) {
    return withFailover(method, server -> send(server, method, path, contentType, body));
  }

  private JsonNode send(URI server, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b =
        request(server, path)
            .timeout(requestTimeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response =
        exchange(server, b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw StatusDecoder.exception(response.statusCode(), response.body());
    }
    byte[] bytes = response.body();
    if (bytes == null || bytes.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new ConnectionException(
          method + " " + server.resolve(path) + ": the server answered with malformed JSON", e);
    }
  }

  /**
   * Opens a streaming GET (a watch) with no request timeout; a refusal is thrown before any byte of
   * the stream is handed out.
   */
  public InputStream openStream(String path) {
    return withFailover("GET", server -> openStream(server, path));
  }

  private InputStream openStream(URI server, String path) {
    HttpResponse<InputStream> response =
        exchange(
            server, request(server, path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      try (InputStream in = response.body()) {
        throw StatusDecoder.exception(response.statusCode(), in.readAllBytes());
      } catch (IOException e) {
        throw StatusDecoder.exception(response.statusCode(), null);
      }
    }
    return response.body();
  }

  private HttpRequest.Builder request(URI server, String path) {
    return HttpRequest.newBuilder(server.resolve(path))
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT);
  }

  private <T> HttpResponse<T> exchange(
      URI server, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(server, "connection timed out", e);
    } catch (ConnectException e) {
      throw unreachable(server, "connection refused", e);
    } catch (HttpTimeoutException e) {
      throw new ConnectionException(
          request.method()
              + " "
              + request.uri()
              + ": no answer within "
              + requestTimeout.toSeconds()
              + "s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(request.method() + " " + request.uri() + ": interrupted", e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(request.method() + " " + request.uri() + ": interrupted", e);
    } catch (IOException e) {
      throw new ConnectionException(
          "lost connection to Nexus at "
              + server
              + " ("
              + request.method()
              + " "
              + request.uri()
              + "): "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  private static ConnectionException unreachable(URI server, String why, Exception e) {
    return new ConnectionException(
        "cannot reach Nexus at " + server + ": " + why + " (is `nexus up` running?)", e);
  }

  private static String version() {
    String v = Transport.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
