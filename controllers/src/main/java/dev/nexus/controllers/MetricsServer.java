package dev.nexus.controllers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nexus.metrics.MetricsRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Serves {@code /metrics} (Prometheus text) and {@code /healthz} for a controllers process. The
 * JDK's own HTTP server is enough for a scrape every few seconds and keeps the controllers free of
 * a web framework.
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Listens on {@code host:port} ({@code port} 0: any free port). {@code /healthz} answers 200 "ok
   * leader" or "ok standby" as {@code leading} says.
   */
  public static MetricsServer start(
      String host, int port, MetricsRegistry registry, BooleanSupplier leading) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/metrics", ex -> answer(ex, 200, MetricsRegistry.CONTENT_TYPE, registry.scrape()));
    server.createContext(
        "/healthz",
        ex ->
            answer(
                ex,
                200,
                "text/plain; charset=utf-8",
                leading.getAsBoolean() ? "ok leader\n" : "ok standby\n"));
    server.start();
    return new MetricsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange ex, int code, String type, String body)
      throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(code, "HEAD".equals(ex.getRequestMethod()) ? -1 : bytes.length);
      if (!"HEAD".equals(ex.getRequestMethod())) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
