package dev.nexus.client.controller;

import dev.nexus.api.model.ApiObject;

/**
 * Filters the events of a controller's primary kind before they queue a reconcile, to skip no-op
 * events (a status write the controller made itself, a periodic resync). Every method passes by
 * default; {@link Predicates} has the usual ones.
 */
public interface Predicate {
  default boolean create(ApiObject object) {
    return true;
  }

  default boolean update(ApiObject oldObject, ApiObject newObject) {
    return true;
  }

  default boolean delete(ApiObject object) {
    return true;
  }
}
