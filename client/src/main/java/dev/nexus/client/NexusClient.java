package dev.nexus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.internal.DiscoveryDecoder;
import dev.nexus.client.internal.OpenWatches;
import dev.nexus.client.internal.ResourcePaths;
import dev.nexus.client.internal.ResumingWatch;
import dev.nexus.client.internal.ServerList;
import dev.nexus.client.internal.Transport;
import dev.nexus.client.internal.WatchStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client of one Nexus API server (DESIGN §4). Thread-safe; one instance per server is meant to be
 * shared, since it holds a pool of HTTP/1.1 connections. Every call blocks the calling thread (use
 * virtual threads for concurrency) and throws {@link dev.nexus.api.error.ApiException} with the
 * server's Status when the server refuses, or {@link ConnectionException} when it cannot be
 * reached.
 */
public final class NexusClient implements AutoCloseable {
  /** Connect timeout used by {@link #forServer(URI)}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Per-request timeout (watches excluded) used by {@link #forServer(URI)}. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A {@link #watchForever} stream silent this long (the server sends a bookmark every 5 s by
   * default) is taken for a dead connection and replaced.
   */
  public static final Duration WATCH_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final Transport http;
  private final ExecutorService executor;
  private final HttpClient httpClient;
  private final OpenWatches openWatches = new OpenWatches(); // ended by close()

  private NexusClient(ServerList servers, Duration connectTimeout, Duration requestTimeout) {
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .executor(executor)
            .build();
    this.http = new Transport(httpClient, servers, requestTimeout);
  }

  /** A client of the server at {@code server} ({@code http://host:port}); no I/O happens yet. */
  public static NexusClient forServer(URI server) {
    return forServer(server, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public static NexusClient forServer(
      URI server, Duration connectTimeout, Duration requestTimeout) {
    return new NexusClient(
        new ServerList(List.of(Transport.checkServer(server))), connectTimeout, requestTimeout);
  }

  /**
   * A client of a cluster: the members' API servers, tried in order. It stays with one server until
   * that one cannot be reached or answers 503 (no leader), then moves to the next; {@link
   * #watchForever} resumes on the next from the last revision it delivered (revisions are the same
   * on every member, so nothing is missed or repeated).
   */
  public static NexusClient forServers(List<URI> servers) {
    return forServers(servers, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public static NexusClient forServers(
      List<URI> servers, Duration connectTimeout, Duration requestTimeout) {
    return new NexusClient(new ServerList(servers), connectTimeout, requestTimeout);
  }

  /** A client of the server (or, with {@code servers}, the cluster) a config context names. */
  public static NexusClient forContext(ClientConfig.Context context) {
    List<String> urls = context.allServers();
    if (urls.isEmpty()) {
      throw new ConfigException("context \"" + context.name() + "\" has no server URL");
    }
    try {
      return forServers(urls.stream().map(URI::create).toList());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "context \"" + context.name() + "\": " + e.getMessage().replace("Illegal", "illegal"));
    }
  }

  /** The base URL this client talks to now. */
  public URI server() {
    return http.server();
  }

  /** Every server this client may use, in the order it tries them. */
  public List<URI> servers() {
    return http.servers().all();
  }

  /** Creates {@code object} (its namespace comes from its metadata) and returns it as stored. */
  public ApiObject create(KindInfo kind, ApiObject object) {
    String path = ResourcePaths.collection(kind, requireNamespace(kind, object));
    return object(http.send("POST", path, "application/json", Json.toBytes(object.node())));
  }

  /**
   * @throws NotFoundException when there is no such object
   */
  public ApiObject get(KindInfo kind, String namespace, String name) {
    return object(http.send("GET", ResourcePaths.object(kind, namespace, name), null, null));
  }

  /** The object, or empty when the server answers 404. */
  public Optional<ApiObject> find(KindInfo kind, String namespace, String name) {
    try {
      return Optional.of(get(kind, namespace, name));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** A view of this client bound to one kind (and, through {@code inNamespace}, a namespace). */
  public ResourceClient resource(KindInfo kind) {
    return new ResourceClient(this, kind, null);
  }

  /**
   * A kind-bound view that reads and writes typed objects: {@code
   * client.typed(Workload.TYPE).inNamespace(ns)}; see {@code dev.nexus.client.kinds}.
   */
  public <T extends TypedObject> TypedClient<T> typed(TypedKind<T> type) {
    return new TypedClient<>(resource(type.kind()), type);
  }

  /** Lists one page of {@code kind} in {@code namespace}, or in every namespace when it is null. */
  public ObjectList list(KindInfo kind, String namespace, ListOptions options) {
    ListOptions o = options == null ? ListOptions.none() : options;
    String query =
        ResourcePaths.query(
            ResourcePaths.params(
                "labelSelector", blankToNull(o.labelSelector()),
                "fieldSelector", blankToNull(o.fieldSelector()),
                "limit", o.limit() == null ? null : o.limit().toString(),
                "continue", blankToNull(o.continueToken())));
    JsonNode body = http.send("GET", ResourcePaths.collection(kind, namespace) + query, null, null);
    List<ApiObject> items = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      if (item instanceof ObjectNode obj) {
        items.add(new ApiObject(obj));
      }
    }
    JsonNode meta = body.path("metadata");
    return new ObjectList(
        items,
        blankToNull(meta.path("resourceVersion").asText(null)),
        blankToNull(meta.path("continue").asText(null)));
  }

  /**
   * Lists every page, following continue tokens. The revision is the first page's: watching from it
   * misses nothing (at worst it repeats changes a later page already showed).
   */
  public ObjectList listAll(KindInfo kind, String namespace, ListOptions options) {
    ListOptions o = (options == null ? ListOptions.none() : options).withContinue(null);
    List<ApiObject> items = new ArrayList<>();
    String revision = null;
    while (true) {
      ObjectList page = list(kind, namespace, o);
      items.addAll(page.items());
      revision = revision == null ? page.resourceVersion() : revision;
      if (!page.hasMore()) {
        return new ObjectList(items, revision, null);
      }
      o = o.withContinue(page.continueToken());
    }
  }

  /**
   * Replaces the object (PUT). A {@code metadata.resourceVersion} in it makes the write
   * conditional: a stale one fails with 409 Conflict.
   */
  public ApiObject replace(KindInfo kind, ApiObject object) {
    String path = ResourcePaths.object(kind, requireNamespace(kind, object), object.name());
    return object(http.send("PUT", path, "application/json", Json.toBytes(object.node())));
  }

  /** Applies a JSON merge patch (RFC 7386) to the object and returns the result. */
  public ApiObject patch(KindInfo kind, String namespace, String name, JsonNode mergePatch) {
    String path = ResourcePaths.object(kind, namespace, name);
    return object(http.send("PATCH", path, MERGE_PATCH, Json.toBytes(mergePatch)));
  }

  /** Replaces the object's status through the status subresource; its spec is not changed. */
  public ApiObject updateStatus(KindInfo kind, ApiObject object) {
    String path =
        ResourcePaths.object(kind, requireNamespace(kind, object), object.name()) + "/status";
    return object(http.send("PUT", path, "application/json", Json.toBytes(object.node())));
  }

  /** Applies a JSON merge patch to the object's status (the status subresource). */
  public ApiObject patchStatus(KindInfo kind, String namespace, String name, JsonNode mergePatch) {
    String path = ResourcePaths.object(kind, namespace, name) + "/status";
    return object(http.send("PATCH", path, MERGE_PATCH, Json.toBytes(mergePatch)));
  }

  /**
   * The object's {@code autoscaling/v1 Scale}: {@code spec.replicas} (desired), {@code
   * status.replicas} (observed) and {@code status.selector}.
   */
  public ApiObject getScale(KindInfo kind, String namespace, String name) {
    return object(
        http.send("GET", ResourcePaths.object(kind, namespace, name) + "/scale", null, null));
  }

  /**
   * Sets {@code spec.replicas} through the scale subresource and returns the new Scale; nothing
   * else of the object changes.
   */
  public ApiObject scale(KindInfo kind, String namespace, String name, int replicas) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("spec").put("replicas", replicas);
    String path = ResourcePaths.object(kind, namespace, name) + "/scale";
    return object(http.send("PATCH", path, MERGE_PATCH, Json.toBytes(patch)));
  }

  /**
   * Deletes the object. Returns the object when the server answers with it (deletion pending on
   * finalizers), empty when it answers with a Status (gone).
   */
  public Optional<ApiObject> delete(
      KindInfo kind, String namespace, String name, DeleteOptions options) {
    String path = ResourcePaths.object(kind, namespace, name);
    byte[] body = null;
    if (options != null && options.propagationPolicy() != null) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("apiVersion", "v1");
      o.put("kind", "DeleteOptions");
      o.put("propagationPolicy", options.propagationPolicy());
      body = Json.toBytes(o);
    }
    JsonNode answer = http.send("DELETE", path, body == null ? null : "application/json", body);
    if (answer instanceof ObjectNode obj
        && !"Status".equals(obj.path("kind").asText())
        && obj.has("metadata")) {
      return Optional.of(new ApiObject(obj));
    }
    return Optional.empty();
  }

  /**
   * Starts a watch. The request is sent before this returns, so a refusal (400, 404, 410 for a
   * revision no longer retained) is thrown here; events then arrive on a virtual thread.
   */
  public Watch watch(
      KindInfo kind, String namespace, WatchOptions options, WatchListener listener) {
    WatchOptions o = options == null ? new WatchOptions(null, null, null, null) : options;
    String fieldSelector = blankToNull(o.fieldSelector());
    if (o.name() != null) {
      String byName = "metadata.name=" + o.name();
      fieldSelector = fieldSelector == null ? byName : fieldSelector + "," + byName;
    }
    String path =
        ResourcePaths.collection(kind, namespace)
            + ResourcePaths.query(
                ResourcePaths.params(
                    "watch",
                    "true",
                    "resourceVersion",
                    blankToNull(o.resourceVersion()),
                    "labelSelector",
                    blankToNull(o.labelSelector()),
                    "fieldSelector",
                    fieldSelector,
                    "allowWatchBookmarks",
                    "true"));
    InputStream body = http.openStream(path);
    String url = http.server().resolve(path).toString();
    return openWatches.track(listener, l -> new WatchStream(body, l, url));
  }

  /**
   * A watch that survives dropped connections: it resumes from the last revision it delivered (no
   * gap, no repeat), waiting between attempts with exponential backoff (0.2 s doubling to 10 s). A
   * connection silent for {@link #WATCH_IDLE_TIMEOUT} (no event, no bookmark) counts as dropped. On
   * 410 Gone (the revision is no longer retained) it calls {@link WatchListener#onGone()} and ends
   * with {@code onClose(GoneException)}: list again and watch from the list's revision. Other
   * refusals (400, 403, 404) end it with {@code onClose(error)}; {@link Watch#close()} with {@code
   * onClose(null)}.
   *
   * @param namespace null for every namespace
   * @param fromRevision deliver changes after this revision; null first reads the current revision
   *     (so that even the first reconnect misses nothing)
   */
  public Watch watchForever(
      KindInfo kind, String namespace, String fromRevision, WatchListener listener) {
    String from = fromRevision;
    if (from == null || from.isEmpty()) {
      from = list(kind, namespace, ListOptions.none().withLimit(1)).resourceVersion();
    }
    String describe = kind.plural() + (namespace == null ? "" : " in " + namespace);
    String start = from;
    return openWatches.track(
        listener,
        l ->
            new ResumingWatch(
                (rv, inner) -> watch(kind, namespace, WatchOptions.from(rv), inner),
                start,
                l,
                describe,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                WATCH_IDLE_TIMEOUT));
  }

  /**
   * The kinds the server serves, from its discovery documents ({@code /apis}, then each group
   * version's APIResourceList).
   */
  public List<KindInfo> discover() {
    JsonNode groups = http.send("GET", "/apis", null, null);
    List<KindInfo> out = new ArrayList<>();
    for (String groupVersion : DiscoveryDecoder.groupVersions(groups)) {
      out.addAll(DiscoveryDecoder.kinds(http.send("GET", "/apis/" + groupVersion, null, null)));
    }
    return out;
  }

  /** The membership of the cluster behind the API. */
  public ClusterClient cluster() {
    return new ClusterClient(http);
  }

  /** The server's {@code /version} document. */
  public JsonNode version() {
    return http.send("GET", "/version", null, null);
  }

  @Override
  public void close() {
    openWatches.closeAll();
    // HttpClient.close() would wait for every exchange it still counts as open, closed watch
    // bodies included (seconds): a closing client aborts what is left instead.
    httpClient.shutdownNow();
    try {
      httpClient.awaitTermination(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  private static ApiObject object(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      return new ApiObject(obj);
    }
    throw new ConnectionException("the server answered with a non-object body: " + node, null);
  }

  private static String requireNamespace(KindInfo kind, ApiObject object) {
    String ns = object.namespace();
    if (kind.namespaced() && (ns == null || ns.isEmpty())) {
      throw new IllegalArgumentException(
          kind.kind() + " \"" + object.name() + "\" is namespaced: metadata.namespace is required");
    }
    return kind.namespaced() ? ns : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
