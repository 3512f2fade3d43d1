package dev.nexus.controllers.gc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConflictException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The collector's writes, each against the live object (never the cache) and only on the exact
 * incarnation it decided about (same uid): an object deleted and re-created under the same name in
 * between is left alone. Updates carry the resourceVersion read, so a concurrent writer's change is
 * never overwritten; a lost race is retried a few times here, then left to the work queue's
 * backoff.
 */
final class ObjectEdits {
  private static final int ATTEMPTS = 5;

  private final NexusClient client;

  ObjectEdits(NexusClient client) {
    this.client = client;
  }

  /** Changes the object with {@code edit} (which returns false when nothing needs to change). */
  void update(KindInfo kind, String namespace, String name, String uid, Predicate<ApiObject> edit) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ApiObject> live = client.find(kind, namespace, name);
      if (live.isEmpty() || !uid.equals(live.get().uid())) {
        return;
      }
      ApiObject next = live.get().copy();
      if (!edit.test(next)) {
        return;
      }
      try {
        client.replace(kind, next);
        return;
      } catch (ConflictException e) {
        // someone else wrote in between: read again
      } catch (NotFoundException e) {
        return;
      }
    }
    throw new IllegalStateException(
        kind.kind() + " " + name + " kept changing while the garbage collector updated it");
  }

  /**
   * Deletes the object if it is still the incarnation {@code uid} and not already being deleted.
   */
  boolean delete(KindInfo kind, String namespace, String name, String uid, String policy) {
    Optional<ApiObject> live = client.find(kind, namespace, name);
    if (live.isEmpty() || !uid.equals(live.get().uid()) || live.get().deletionTimestamp() != null) {
      return false;
    }
    try {
      client.delete(kind, namespace, name, new dev.nexus.client.DeleteOptions(policy));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Removes the owner references with these uids; false when there was none. */
  static boolean dropOwnerRefs(ApiObject object, Set<String> uids) {
    JsonNode refs = object.metadata().get("ownerReferences");
    if (!(refs instanceof ArrayNode list)) {
      return false;
    }
    boolean changed = false;
    for (int i = list.size() - 1; i >= 0; i--) {
      if (uids.contains(list.get(i).path("uid").asText())) {
        list.remove(i);
        changed = true;
      }
    }
    if (list.isEmpty()) {
      object.metadata().remove("ownerReferences");
    }
    return changed;
  }
}
