package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nexus.api.model.ApiObject;

/**
 * Reads and edits {@code metadata.finalizers}. The editing methods change the object given (copy a
 * cached object first) and say whether they changed anything, so a caller writes only when needed.
 */
public final class Finalizers {
  private Finalizers() {}

  public static boolean has(ApiObject object, String finalizer) {
    return object.finalizers().contains(finalizer);
  }

  /** Adds {@code finalizer} unless present; true when the object changed. */
  public static boolean add(ApiObject object, String finalizer) {
    if (has(object, finalizer)) {
      return false;
    }
    JsonNode existing = object.metadata().get("finalizers");
    ArrayNode list = existing instanceof ArrayNode a ? a : object.metadata().putArray("finalizers");
    list.add(finalizer);
    return true;
  }

  /** Removes every occurrence of {@code finalizer}; true when the object changed. */
  public static boolean remove(ApiObject object, String finalizer) {
    if (!(object.metadata().get("finalizers") instanceof ArrayNode list)) {
      return false;
    }
    boolean changed = false;
    for (int i = list.size() - 1; i >= 0; i--) {
      if (finalizer.equals(list.get(i).asText())) {
        list.remove(i);
        changed = true;
      }
    }
    return changed;
  }

  /** Whether the object is being deleted (it has a deletion timestamp). */
  public static boolean isBeingDeleted(ApiObject object) {
    String ts = object.deletionTimestamp();
    return ts != null && !ts.isEmpty();
  }
}
