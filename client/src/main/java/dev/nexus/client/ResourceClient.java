package dev.nexus.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import java.util.Optional;

/**
 * A {@link NexusClient} bound to one kind and, after {@link #inNamespace(String)}, one namespace:
 * {@code client.resource(WORKLOAD).inNamespace("default").get("web")}. Works the same for built-in
 * kinds and CRDs (pass a {@link KindInfo} from {@link NexusClient#discover()}). Immutable and
 * thread-safe; it errs like the client it wraps.
 */
public final class ResourceClient {
  private final NexusClient client;
  private final KindInfo kind;
  private final String namespace;

  ResourceClient(NexusClient client, KindInfo kind, String namespace) {
    this.client = client;
    this.kind = kind;
    this.namespace = namespace;
  }

  /** The same view in {@code ns}; cluster-scoped kinds ignore it. */
  public ResourceClient inNamespace(String ns) {
    return new ResourceClient(client, kind, kind.namespaced() ? ns : null);
  }

  public KindInfo kind() {
    return kind;
  }

  /** The bound namespace, or null (all namespaces for lists and watches). */
  public String namespace() {
    return namespace;
  }

  /**
   * Creates the object; an object without {@code metadata.namespace} goes into the bound namespace
   * (the caller's object is not changed).
   */
  public ApiObject create(ApiObject object) {
    return client.create(kind, withNamespace(object));
  }

  /**
   * @throws NotFoundException when there is no such object
   */
  public ApiObject get(String name) {
    return client.get(kind, namespace, name);
  }

  /** The object, or empty when it does not exist. */
  public Optional<ApiObject> find(String name) {
    return client.find(kind, namespace, name);
  }

  /** Every object (following continue tokens) in the bound namespace, or in all of them. */
  public ObjectList list() {
    return client.listAll(kind, namespace, ListOptions.none());
  }

  /** One page, filtered and paged as {@code options} say. */
  public ObjectList list(ListOptions options) {
    return client.list(kind, namespace, options);
  }

  /**
   * @throws ConflictException when its {@code metadata.resourceVersion} is stale
   */
  public ApiObject replace(ApiObject object) {
    return client.replace(kind, withNamespace(object));
  }

  public ApiObject patch(String name, JsonNode mergePatch) {
    return client.patch(kind, namespace, name, mergePatch);
  }

  public ApiObject patchStatus(String name, JsonNode mergePatch) {
    return client.patchStatus(kind, namespace, name, mergePatch);
  }

  public ApiObject updateStatus(ApiObject object) {
    return client.updateStatus(kind, withNamespace(object));
  }

  public ApiObject getScale(String name) {
    return client.getScale(kind, namespace, name);
  }

  public ApiObject scale(String name, int replicas) {
    return client.scale(kind, namespace, name, replicas);
  }

  /** Deletes the object; see {@link NexusClient#delete}. */
  public Optional<ApiObject> delete(String name) {
    return client.delete(kind, namespace, name, DeleteOptions.defaults());
  }

  public Optional<ApiObject> delete(String name, DeleteOptions options) {
    return client.delete(kind, namespace, name, options);
  }

  /** One watch stream; see {@link NexusClient#watch}. */
  public Watch watch(WatchOptions options, WatchListener listener) {
    return client.watch(kind, namespace, options, listener);
  }

  /** A watch that resumes after dropped connections; see {@link NexusClient#watchForever}. */
  public Watch watchForever(String fromRevision, WatchListener listener) {
    return client.watchForever(kind, namespace, fromRevision, listener);
  }

  private ApiObject withNamespace(ApiObject object) {
    String ns = object.namespace();
    if (!kind.namespaced() || namespace == null || (ns != null && !ns.isEmpty())) {
      return object;
    }
    ApiObject copy = object.copy();
    copy.metadata().put("namespace", namespace);
    return copy;
  }
}
