package dev.nexus.apiserver.registry;

import dev.nexus.api.kinds.KindInfo;

/**
 * One object's address: its kind, namespace (null for cluster-scoped kinds) and name.
 *
 * @param kind the kind
 * @param namespace the namespace, null for cluster-scoped kinds
 * @param name the name
 */
public record ObjectRef(KindInfo kind, String namespace, String name) {
  public String key() {
    return Keys.object(kind, namespace, name);
  }

  /** {@code Workload "default/web"}: how error messages and logs name the object. */
  @Override
  public String toString() {
    return kind.kind() + " \"" + (namespace == null ? "" : namespace + "/") + name + "\"";
  }
}
