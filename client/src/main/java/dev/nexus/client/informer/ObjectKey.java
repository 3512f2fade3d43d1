package dev.nexus.client.informer;

import dev.nexus.api.model.ApiObject;
import java.util.Comparator;

/** Where an object lives: namespace (null for cluster-scoped kinds) and name; sorts ns, name. */
record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ObjectKey::name);

  ObjectKey {
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  static ObjectKey of(ApiObject o) {
    return new ObjectKey(o.namespace(), o.name());
  }

  @Override
  public int compareTo(ObjectKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
