package dev.nexus.apiserver.http;

import dev.nexus.apiserver.metrics.ApiMetrics;
import dev.nexus.apiserver.registry.ResourceRegistry;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;

/**
 * Assembles the HTTP API on a Helidon routing: the request log and metrics filter, the system
 * endpoints, discovery, the resource handler under {@code /apis}, a 404 Status for everything else,
 * and the central error mapping. Keeps the open watches so a server can end them on shutdown.
 */
public final class ApiRouting {
  /**
   * HTTP-level settings.
   *
   * @param maxBodyBytes the largest request body accepted (413 above)
   * @param bookmarkInterval how often an idle watch gets a BOOKMARK (or keep-alive)
   * @param watchQueueCapacity events buffered per watch before a slow client is cut off
   * @param nexusVersion reported by {@code /version}
   * @param clock for the AGE column of tables
   */
  public record Settings(
      long maxBodyBytes,
      Duration bookmarkInterval,
      int watchQueueCapacity,
      String nexusVersion,
      Clock clock) {}

  private final ResourceRegistry registry;
  private final ApiMetrics metrics;
  private final Discovery discovery;
  private final WatchStreamer watches;
  private final ResourceHandler resources;
  private final String nexusVersion;
  private final StartGate gate;

  /** The API, serving at once (the registry's store is expected to be ready). */
  public ApiRouting(ResourceRegistry registry, ApiMetrics metrics, Settings settings) {
    this(registry, metrics, settings, true);
  }

  /**
   * The API; with {@code serving} false, requests under {@code /api} and {@code /apis} answer 503
   * with the reason until {@link #startServing()}, while the system endpoints answer from the
   * start.
   */
  public ApiRouting(
      ResourceRegistry registry, ApiMetrics metrics, Settings settings, boolean serving) {
    this.gate = new StartGate(registry.store(), serving);
    this.registry = registry;
    this.metrics = metrics;
    this.discovery = new Discovery(registry);
    Tables tables = new Tables(settings.clock(), registry.customKinds());
    this.watches =
        new WatchStreamer(
            registry,
            tables,
            settings.bookmarkInterval(),
            settings.watchQueueCapacity(),
            metrics.watches(),
            metrics.watchResumes());
    this.resources =
        new ResourceHandler(
            registry, discovery, new RequestBodies(settings.maxBodyBytes()), tables, watches);
    this.nexusVersion = settings.nexusVersion();
  }

  /**
   * Registers every route and the error handlers on {@code routing}. The last route answers 404 for
   * any path, so add your own routes before calling this.
   */
  public void register(HttpRouting.Builder routing) {
    routing
        .addFilter(new RequestLog(metrics))
        .addFilter(gate)
        .register(new SystemEndpoints(gate, metrics.registry(), nexusVersion))
        .get(
            "/api",
            (req, res) -> {
              RequestInfo.of(req).set("get", "discovery");
              Responses.json(res, 200, discovery.coreVersions());
            })
        .get(
            "/apis",
            (req, res) -> {
              RequestInfo.of(req).set("get", "discovery");
              Responses.json(res, 200, discovery.groupList());
            })
        .get(
            "/apis/{group}",
            (req, res) -> {
              RequestInfo.of(req).set("get", "discovery");
              Responses.json(res, 200, discovery.group(req.path().pathParameters().get("group")));
            })
        .any("/apis/*", resources)
        .any(
            (req, res) -> {
              throw ResourcePath.notFound(req.path().absolute().path());
            })
        .error(Exception.class, ErrorMapping::handle);
  }

  /**
   * The handlers for requests Helidon refuses before routing; set them on the listener ({@code
   * WebServer.builder().directHandlers(...)}) so those answers are Status JSON too.
   */
  public static DirectHandlers directHandlers() {
    return StatusDirectHandler.handlers();
  }

  /** Lets API requests through (the server has started: storage ready, namespaces created). */
  public void startServing() {
    gate.open();
  }

  /** Null when the server can serve; otherwise why not ({@code /readyz} says the same). */
  public String notReadyReason() {
    return gate.notReadyReason();
  }

  /** Ends every open watch; their streams complete normally. */
  public void closeWatches() {
    watches.closeAll();
  }

  public int openWatches() {
    return watches.openCount();
  }
}
