package dev.nexus.client.informer;

import dev.nexus.api.model.ApiObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An informer's local copy of every object of one kind. Thread-safe; answers are snapshots (later
 * changes do not show in a returned list) of shared, read-only objects: {@link ApiObject#copy()}
 * before changing one.
 */
public interface Cache {
  /** The object, by namespace (null for cluster-scoped kinds) and name. */
  Optional<ApiObject> get(String namespace, String name);

  /** Every object, ordered by namespace then name. */
  List<ApiObject> list();

  /** The objects of one namespace, ordered by name. */
  List<ApiObject> list(String namespace);

  /**
   * The objects whose index function gave {@code indexValue}, ordered by namespace then name.
   *
   * @throws IllegalArgumentException when no index is called {@code indexName}
   */
  List<ApiObject> byIndex(String indexName, String indexValue);

  /** The names of the indexes this cache keeps. */
  Set<String> indexNames();
}
