package dev.nexus.client.informer;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;

/**
 * Keeps a {@link Cache} of every object of one kind (all namespaces) up to date by listing then
 * watching, and tells its handlers what changed. Obtain one from {@link SharedInformerFactory}; see
 * the package documentation for the threading and sharing contract.
 */
public interface SharedInformer {
  KindInfo kind();

  /** Adds a handler; if the informer already has objects, the handler first gets onAdd for each. */
  void addEventHandler(ResourceEventHandler handler);

  /**
   * Adds a handler that also gets {@code onUpdate(o, o)} for every cached object every {@code
   * resyncPeriod} (a safety net for controllers that missed acting on something).
   */
  void addEventHandler(ResourceEventHandler handler, Duration resyncPeriod);

  /**
   * Adds an index. Must be called before the informer starts.
   *
   * @throws IllegalStateException after start, or when the name is taken
   */
  void addIndexer(String name, Function<ApiObject, Collection<String>> indexFunction);

  Cache cache();

  /** Whether the first full list has been put in the cache (and handed to handlers). */
  boolean hasSynced();

  /** The revision the cache reflects: the last list's, or the last watch event's; 0 before. */
  long lastSyncRevision();
}
