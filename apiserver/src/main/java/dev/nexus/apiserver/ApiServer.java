package dev.nexus.apiserver;

import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.apiserver.cluster.ClusterEndpoints;
import dev.nexus.apiserver.cluster.HttpLeaderReadIndex;
import dev.nexus.apiserver.cluster.MemberDirectory;
import dev.nexus.apiserver.cluster.ReadIndexEndpoint;
import dev.nexus.apiserver.http.ApiRouting;
import dev.nexus.apiserver.metrics.ApiMetrics;
import dev.nexus.apiserver.registry.ResourceRegistry;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.raft.RaftStore;
import dev.nexus.metrics.MetricsRegistry;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A running Nexus API server: the storage engine (a Raft group over LMDB) behind the HTTP API of
 * DESIGN §4. Start one with {@link #start}; {@link #close} stops it (open watches end, then HTTP,
 * then storage).
 *
 * <pre>{@code
 * StoreConfig store = StoreConfig.builder(dataDir).build();
 * try (ApiServer server = ApiServer.start(ApiServerConfig.builder(store).port(6443).build())) {
 *   System.out.println("serving on " + server.url());
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  /** Namespaces that exist from the first start. */
  public static final String[] INITIAL_NAMESPACES = {"default", "nexus-system"};

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final ApiServerConfig config;
  private final RaftStore store;
  private final ResourceRegistry registry;
  private final MetricsRegistry metrics;
  private final ApiRouting api;
  private final WebServer web;
  private final AutoCloseable customResources;

  private ApiServer(
      ApiServerConfig config,
      RaftStore store,
      ResourceRegistry registry,
      MetricsRegistry metrics,
      ApiRouting api,
      WebServer web,
      AutoCloseable customResources) {
    this.customResources = customResources;
    this.config = config;
    this.store = store;
    this.registry = registry;
    this.metrics = metrics;
    this.api = api;
    this.web = web;
  }

  /**
   * Opens storage, starts listening at once (health, readiness and metrics answer from then on; API
   * requests answer 503 with the reason), waits for storage to be ready, creates the initial
   * namespaces if missing, loads the stored custom resources, and then serves the API.
   *
   * @throws IOException if storage cannot be opened
   * @throws IllegalStateException if storage is not ready within {@link
   *     ApiServerConfig#readyTimeout()}
   */
  public static ApiServer start(ApiServerConfig config) throws IOException {
    long started = System.nanoTime();
    routeJulToSlf4j();
    RaftStore store = RaftStore.open(config.store());
    WebServer web = null;
    try {
      ResourceRegistry registry =
          new ResourceRegistry(
              store,
              KindRegistry.builtin(),
              config.clock(),
              config.maxBodyBytes(),
              config.commitTimeout());
      MetricsRegistry metrics = new MetricsRegistry();
      StorageMetrics.register(metrics, store.metrics());
      HttpRouting.Builder routing = HttpRouting.builder();
      // Before the API's routes: its last route answers 404 for every other path.
      MemberDirectory members =
          new MemberDirectory(store.cluster(), store, config.memberApiAddresses());
      routing.register("/cluster", new ClusterEndpoints(members), new ReadIndexEndpoint(store));
      ApiRouting api = routing(routing, registry, metrics, config, false);
      web =
          WebServer.builder()
              .host(config.host())
              .port(config.port())
              // The process that embeds the server stops it in its own order (controllers first,
              // so they can release their Lease through it): no hook of Helidon's own.
              .shutdownHook(false)
              // Bodies are limited (and answered with a Status) by the API itself.
              .maxPayloadSize(-1)
              .directHandlers(ApiRouting.directHandlers())
              .shutdownGracePeriod(Duration.ofSeconds(2))
              .routing(routing)
              .build()
              .start();
      // A tenth of the request timeout: well inside one read-index attempt (a fifth), so a leader
      // whose API does not answer leaves time for the Raft client to.
      store.leaderReadIndexVia(
          new HttpLeaderReadIndex(members, config.store().requestTimeout().dividedBy(10)));
      if (!store.ready()) {
        LOG.info(
            "HTTP listening on port {}; the API waits for storage ({})",
            web.port(),
            store.notReadyReason());
      }
      if (!store.awaitReady(config.readyTimeout())) {
        throw new IllegalStateException(
            "storage did not become ready within "
                + config.readyTimeout().toSeconds()
                + "s: "
                + store.notReadyReason());
      }
      registry.ensureNamespaces(INITIAL_NAMESPACES);
      // Before serving: a restarted server serves its stored CRDs' kinds from the first request.
      AutoCloseable customResources = registry.startCustomResources();
      api.startServing();
      ApiServer server = new ApiServer(config, store, registry, metrics, api, web, customResources);
      LOG.info(
          "API server listening on {} (ready in {} ms)",
          server.url(),
          (System.nanoTime() - started) / 1_000_000);
      return server;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(web);
      store.close();
      throw new IllegalStateException("interrupted while waiting for storage", e);
    } catch (RuntimeException | Error e) {
      stopQuietly(web);
      store.close();
      throw e;
    }
  }

  private static void stopQuietly(WebServer web) {
    if (web != null) {
      try {
        web.stop();
      } catch (RuntimeException e) {
        LOG.warn("stopping the HTTP server failed: {}", e.toString());
      }
    }
  }

  /**
   * Registers the whole API on {@code routing} (Helidon style, so tests and launchers can build
   * their own server around it) and returns the handle that ends open watches.
   */
  public static ApiRouting routing(
      HttpRouting.Builder routing,
      ResourceRegistry registry,
      MetricsRegistry metrics,
      ApiServerConfig config) {
    return routing(routing, registry, metrics, config, true);
  }

  private static ApiRouting routing(
      HttpRouting.Builder routing,
      ResourceRegistry registry,
      MetricsRegistry metrics,
      ApiServerConfig config,
      boolean serving) {
    ApiRouting api =
        new ApiRouting(
            registry,
            new ApiMetrics(metrics),
            new ApiRouting.Settings(
                config.maxBodyBytes(),
                config.bookmarkInterval(),
                config.watchQueueCapacity(),
                version(),
                config.clock()),
            serving);
    api.register(routing);
    return api;
  }

  /** Helidon logs through java.util.logging; send it where everything else goes. */
  private static void routeJulToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** The Nexus version from the jar manifest, or {@code dev} when run from classes. */
  public static String version() {
    String v = ApiServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public int port() {
    return web.port();
  }

  /** {@code http://host:port}, what clients and kubeconfigs point at. */
  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  public Store store() {
    return store;
  }

  public ResourceRegistry registry() {
    return registry;
  }

  public MetricsRegistry metrics() {
    return metrics;
  }

  public ApiServerConfig config() {
    return config;
  }

  @Override
  public void close() {
    api.closeWatches();
    try {
      web.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the HTTP server failed: {}", e.toString());
    }
    try {
      customResources.close();
    } catch (Exception e) {
      LOG.warn("stopping the CRD sync failed: {}", e.toString());
    }
    store.close();
    LOG.info("API server stopped");
  }
}
