package dev.nexus.apiserver.registry;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;

/**
 * The storage key layout. Namespaced: {@code /registry/{group}/{plural}/{namespace}/{name}};
 * cluster-scoped: {@code /registry/{group}/{plural}/{name}}. Names and namespaces are DNS-1123 (no
 * {@code /}), so a prefix ending in {@code /} selects exactly one kind, or one namespace of a kind,
 * and keys sort by namespace then name, which is the order lists return.
 */
public final class Keys {
  public static final String ROOT = "/registry/";

  private Keys() {}

  public static String object(KindInfo kind, String namespace, String name) {
    return kind.namespaced() ? prefix(kind, namespace) + name : prefix(kind, null) + name;
  }

  /**
   * Keys of every object of {@code kind} in {@code namespace}, or in all namespaces (and for
   * cluster-scoped kinds) when {@code namespace} is null.
   */
  public static String prefix(KindInfo kind, String namespace) {
    String base = ROOT + kind.group() + "/" + kind.plural() + "/";
    return kind.namespaced() && namespace != null ? base + namespace + "/" : base;
  }

  public static String namespace(String name) {
    return object(BuiltinKinds.NAMESPACE, null, name);
  }
}
