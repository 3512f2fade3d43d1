package dev.nexus.client.controller;

import dev.nexus.api.model.ApiObject;
import java.util.Objects;

/**
 * What a reconciler is asked to look at: only the key of an object, never the event that woke it,
 * so the reconciler always reads current state and missed or repeated events are harmless.
 *
 * @param namespace the object's namespace, or null for a cluster-scoped kind
 * @param name the object's name
 */
public record Request(String namespace, String name) {
  public Request {
    Objects.requireNonNull(name, "name");
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  /** The key of {@code object}. */
  public static Request of(ApiObject object) {
    return new Request(object.namespace(), object.name());
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped object: for logs and metrics. */
  public String key() {
    return namespace == null ? name : namespace + "/" + name;
  }

  @Override
  public String toString() {
    return key();
  }
}
