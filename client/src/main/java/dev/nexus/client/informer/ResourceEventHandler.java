package dev.nexus.client.informer;

import dev.nexus.api.model.ApiObject;

/**
 * Receives the changes an informer sees, on the informer's dispatch thread, in order. Objects are
 * shared with the cache and other handlers: {@link ApiObject#copy()} before changing one.
 */
public interface ResourceEventHandler {
  /** An object appeared (or was in the cache when this handler was added). */
  default void onAdd(ApiObject obj) {}

  /** An object changed; on a periodic resync {@code oldObj == newObj}. */
  default void onUpdate(ApiObject oldObj, ApiObject newObj) {}

  /** An object went away; {@code lastKnown} is its last state the informer saw. */
  default void onDelete(ApiObject lastKnown) {}
}
