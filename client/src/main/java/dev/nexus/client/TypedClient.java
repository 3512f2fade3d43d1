package dev.nexus.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.model.ApiObject;
import java.util.Optional;

/**
 * A {@link ResourceClient} that speaks in typed views: {@code
 * client.typed(Workload.TYPE).inNamespace("default").get("web").replicas()}. Every call goes
 * through the wrapped {@link ResourceClient} (same HTTP, same typed refusals) and wraps what comes
 * back without copying; objects sent are sent as their {@link TypedObject#apiObject()}, so fields
 * the view does not know survive a read-modify-write. Immutable and thread-safe.
 */
public final class TypedClient<T extends TypedObject> {
  private final ResourceClient resource;
  private final TypedKind<T> type;

  TypedClient(ResourceClient resource, TypedKind<T> type) {
    this.resource = resource;
    this.type = type;
  }

  /** The same view in {@code ns}; cluster-scoped kinds ignore it. */
  public TypedClient<T> inNamespace(String ns) {
    return new TypedClient<>(resource.inNamespace(ns), type);
  }

  public TypedKind<T> type() {
    return type;
  }

  /** The untyped view underneath, for calls that have no typed form (scale, getScale). */
  public ResourceClient untyped() {
    return resource;
  }

  /** The bound namespace, or null (all namespaces for lists and watches). */
  public String namespace() {
    return resource.namespace();
  }

  /** Creates the object (in the bound namespace when it names none) and returns it as stored. */
  public T create(T object) {
    return wrap(resource.create(object.apiObject()));
  }

  /**
   * @throws NotFoundException when there is no such object
   */
  public T get(String name) {
    return wrap(resource.get(name));
  }

  /** The object, or empty when it does not exist. */
  public Optional<T> find(String name) {
    return resource.find(name).map(this::wrap);
  }

  /** Every object (following continue tokens) in the bound namespace, or in all of them. */
  public TypedList<T> list() {
    return wrap(resource.list());
  }

  /** One page, filtered and paged as {@code options} say. */
  public TypedList<T> list(ListOptions options) {
    return wrap(resource.list(options));
  }

  /**
   * @throws ConflictException when its {@code metadata.resourceVersion} is stale
   */
  public T replace(T object) {
    return wrap(resource.replace(object.apiObject()));
  }

  /** Applies a JSON merge patch to the object (status is not writable this way). */
  public T patch(String name, JsonNode mergePatch) {
    return wrap(resource.patch(name, mergePatch));
  }

  /** Applies a JSON merge patch to the status subresource. */
  public T patchStatus(String name, JsonNode mergePatch) {
    return wrap(resource.patchStatus(name, mergePatch));
  }

  /** Writes the object's status through the status subresource (its spec is ignored). */
  public T updateStatus(T object) {
    return wrap(resource.updateStatus(object.apiObject()));
  }

  /** Deletes the object; the last state the server reports, if any. */
  public Optional<T> delete(String name) {
    return resource.delete(name).map(this::wrap);
  }

  public Optional<T> delete(String name, DeleteOptions options) {
    return resource.delete(name, options).map(this::wrap);
  }

  /** One watch stream; see {@link NexusClient#watch}. */
  public Watch watch(WatchOptions options, TypedWatchListener<T> listener) {
    return resource.watch(options, adapt(listener));
  }

  /** A watch that resumes after dropped connections; see {@link NexusClient#watchForever}. */
  public Watch watchForever(String fromRevision, TypedWatchListener<T> listener) {
    return resource.watchForever(fromRevision, adapt(listener));
  }

  private T wrap(ApiObject object) {
    return type.of(object);
  }

  private TypedList<T> wrap(ObjectList list) {
    return new TypedList<>(
        list.items().stream().map(this::wrap).toList(),
        list.resourceVersion(),
        list.continueToken());
  }

  private WatchListener adapt(TypedWatchListener<T> listener) {
    return new WatchListener() {
      @Override
      public void onEvent(WatchEvent event) {
        // A bookmark carries only metadata and no kind: wrap it as is, the view reads lazily.
        listener.onEvent(new TypedWatchEvent<>(event.type(), type.wrap().apply(event.object())));
      }

      @Override
      public void onClose(Exception error) {
        listener.onClose(error);
      }

      @Override
      public void onGone() {
        listener.onGone();
      }
    };
  }
}
