package dev.nexus.controllers.gc;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConflictException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import java.util.Optional;
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
}
