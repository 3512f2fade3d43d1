package dev.nexus.client.informer;

import dev.nexus.api.model.ApiObject;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Names and functions of the built-in indexes. {@link #NAMESPACE} and {@link #OWNER} are kept by
 * every cache. A label index ({@link #label(String)}) is kept on demand: {@link
 * Cache#byIndex(String, String)} with a name {@code label:<key>} builds it the first time it is
 * asked for and keeps it up to date from then on, so no registration is needed.
 */
public final class Indexes {
  /** Index by {@code metadata.namespace} (objects of cluster-scoped kinds are not indexed). */
  public static final String NAMESPACE = "namespace";

  /** Index by the {@code uid} of each {@code metadata.ownerReferences} entry. */
  public static final String OWNER = "owner";

  static final String LABEL_PREFIX = "label:";

  private Indexes() {}

  /** The name of the index by the value of label {@code key}: {@code label:<key>}. */
  public static String label(String key) {
    return LABEL_PREFIX + key;
  }

  /** The index function of {@link #NAMESPACE}. */
  public static Collection<String> namespaceOf(ApiObject o) {
    String ns = o.namespace();
    return ns == null || ns.isEmpty() ? List.of() : List.of(ns);
  }

  /** The index function of {@link #OWNER}. */
  public static Collection<String> ownerUidsOf(ApiObject o) {
    List<String> out = new java.util.ArrayList<>();
    o.metadata()
        .path("ownerReferences")
        .forEach(
            r -> {
              String uid = r.path("uid").asText("");
              if (!uid.isEmpty()) {
                out.add(uid);
              }
            });
    return out;
  }

  /** The index function of {@link #label(String)}. */
  public static Function<ApiObject, Collection<String>> labelFunction(String key) {
    return o -> {
      String v = o.labels().get(key);
      return v == null ? List.of() : List.of(v);
    };
  }
}
