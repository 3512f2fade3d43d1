package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedObject;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.Conditions.Condition;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every typed view shares: it wraps one {@link ApiObject} (no copy, no mapping), reads the
 * envelope through it, and writes metadata fluently ({@code S} is the concrete view, so {@code
 * workload.label("app", "web").replicas(3)} chains). Reading never changes the object; setters
 * change it in place, so {@link #copy()} first when the object came from a cache or a watch.
 *
 * @param <S> the concrete view class
 */
public abstract class KindObject<S extends KindObject<S>> implements TypedObject {
  private final ApiObject object;

  protected KindObject(ApiObject object) {
    this.object = object;
  }

  /** A new object of {@code kind} with only apiVersion, kind and metadata (name, namespace). */
  static ApiObject blank(KindInfo kind, String namespace, String name) {
    return ApiObject.of(kind.apiVersion(), kind.kind(), kind.namespaced() ? namespace : null, name);
  }

  @Override
  public final ApiObject apiObject() {
    return object;
  }

  /** A deep copy, as the same view: change it without touching the original. */
  public abstract S copy();

  public String name() {
    return object.name();
  }

  public String namespace() {
    return object.namespace();
  }

  public String uid() {
    return object.uid();
  }

  public String resourceVersion() {
    return object.resourceVersion();
  }

  public long generation() {
    return object.generation();
  }

  /** Labels, as a snapshot (change them with {@link #label} or {@link #labels(Map)}). */
  public Map<String, String> labels() {
    return object.labels();
  }

  public String label(String key) {
    return object.labels().get(key);
  }

  public Map<String, String> annotations() {
    return object.annotations();
  }

  public String annotation(String key) {
    return object.annotations().get(key);
  }

  public List<String> finalizers() {
    return object.finalizers();
  }

  public List<OwnerRef> ownerReferences() {
    return OwnerReferences.of(object);
  }

  /** Whether deletion has begun (finalizers are still running). */
  public boolean deleting() {
    return object.deletionTimestamp() != null;
  }

  /** {@code status.conditions} in order, as a snapshot. */
  public List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    for (JsonNode c : object.node().path("status").path("conditions")) {
      out.add(Conditions.get(object.status(), c.path("type").asText()).orElseThrow());
    }
    return List.copyOf(out);
  }

  public Optional<Condition> condition(String type) {
    return Conditions.get(object.status(), type);
  }

  /** Whether condition {@code type} is present and True. */
  public boolean conditionTrue(String type) {
    return Conditions.isTrue(object.status(), type);
  }

  /**
   * Sets condition {@code type} in status, keeping {@code lastTransitionTime} unless the status
   * flips (see {@link Conditions#set}); write it with {@code updateStatus}.
   */
  public S condition(String type, boolean value, String reason, String message) {
    Conditions.set(statusAt().write(), type, value, reason, message);
    return self();
  }

  public S namespace(String namespace) {
    Fields.put(object.metadata(), "namespace", namespace);
    return self();
  }

  /** Sets one label; null removes it. */
  public S label(String key, String value) {
    Fields.putEntry(object.metadata(), "labels", key, value);
    return self();
  }

  /** Replaces all labels. */
  public S labels(Map<String, String> labels) {
    Fields.putStringMap(object.metadata(), "labels", labels);
    return self();
  }

  /** Sets one annotation; null removes it. */
  public S annotation(String key, String value) {
    Fields.putEntry(object.metadata(), "annotations", key, value);
    return self();
  }

  public S annotations(Map<String, String> annotations) {
    Fields.putStringMap(object.metadata(), "annotations", annotations);
    return self();
  }

  /** The whole JSON tree (not a copy), for fields no getter covers. */
  public ObjectNode node() {
    return object.node();
  }

  /** {@code spec}, read without creating it. */
  final Branch specAt() {
    return Branch.at(object.node(), "spec");
  }

  /** {@code status}, read without creating it. */
  final Branch statusAt() {
    return Branch.at(object.node(), "status");
  }

  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && object.equals(((KindObject<?>) o).object);
  }

  @Override
  public int hashCode() {
    return object.hashCode();
  }

  @Override
  public String toString() {
    return object.toString();
  }
}
