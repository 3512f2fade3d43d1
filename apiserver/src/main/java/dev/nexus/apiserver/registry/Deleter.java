package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Delete. An object without finalizers is removed at once; one with finalizers gets a {@code
 * deletionTimestamp} and stays until an update empties its finalizers (see {@link Updater}). A
 * Namespace turns {@code Terminating}, everything in it is deleted the same way, and it goes once
 * it is empty (at once if nothing in it has finalizers).
 *
 * <p>The propagation policy works through finalizers the garbage collector owns ({@link
 * Propagation}): {@code Orphan} and {@code Foreground} add theirs, so the object is only marked;
 * {@code Background} (and no policy) leaves dependents to the collector and removes the owner at
 * once. A Namespace ignores the policy: deleting it deletes its contents itself.
 */
final class Deleter {
  private final StoreAccess store;
  private final Namespaces namespaces;
  private final Clock clock;

  Deleter(StoreAccess store, Namespaces namespaces, Clock clock) {
    this.store = store;
    this.namespaces = namespaces;
    this.clock = clock;
  }

  /** Returns the object as deleted, or as marked for deletion when finalizers hold it. */
  ObjectNode delete(ObjectRef ref, DeleteOptions options) {
    if (ref.kind() == BuiltinKinds.NAMESPACE) {
      return deleteNamespace(ref, options);
    }
    ObjectNode result = deleteObject(ref, options);
    if (ref.namespace() != null && !result.path("metadata").hasNonNull("deletionTimestamp")) {
      namespaces.finalizeIfDone(ref.namespace());
    }
    return result;
  }

  private ObjectNode deleteObject(ObjectRef ref, DeleteOptions options) {
    Updater.checkFormat(ref, options.resourceVersion());
    for (int attempt = 0; attempt < Updater.MAX_ATTEMPTS; attempt++) {
      StoredObject stored =
          store
              .getForWrite(
                  ref.key(),
                  attempt > 0,
                  s ->
                      s.isPresent()
                          && (options.resourceVersion() == null
                              || options
                                  .resourceVersion()
                                  .equals(Long.toString(s.get().modRevision()))))
              .orElseThrow(() -> ApiException.notFound(ref.kind().kind(), ref.name()));
      ObjectNode current = StoredObjects.decode(stored);
      checkPreconditions(ref, current, options);
      Precondition unchanged = Precondition.modRevision(stored.modRevision());
      // The request's propagation policy may add (or take away) a garbage-collector finalizer.
      List<String> finalizers =
          ref.kind() == BuiltinKinds.NAMESPACE
              ? finalizers(current)
              : Propagation.finalizers(finalizers(current), options.propagationPolicy());
      // A finalizer (or, for a Namespace, its contents) holds the object: mark it, once.
      boolean held = !finalizers.isEmpty() || ref.kind() == BuiltinKinds.NAMESPACE;
      ObjectNode next = current.deepCopy();
      if (held) {
        if (!finalizers.equals(finalizers(current))) {
          ArrayNode list = StoredObjects.metadata(next).putArray("finalizers");
          finalizers.forEach(list::add);
        }
        if (!current.path("metadata").hasNonNull("deletionTimestamp")) {
          StoredObjects.metadata(next).put("deletionTimestamp", Timestamps.now(clock));
          StoredObjects.metadata(next).put("deletionGracePeriodSeconds", 0);
        }
        if (ref.kind() == BuiltinKinds.NAMESPACE) {
          next.withObjectProperty("status").put("phase", "Terminating");
        }
        if (StoredObjects.same(next, current)) {
          return current;
        }
      }
      boolean remove = !held;
      TxnResult result =
          store.commit(
              Txn.of(
                  remove
                      ? new Op.Delete(ref.key(), unchanged)
                      : new Op.Put(ref.key(), StoredObjects.encode(next), unchanged)));
      if (result.succeeded()) {
        StoredObjects.metadata(next).put("resourceVersion", Long.toString(result.revision()));
        return next;
      }
      if (options.resourceVersion() != null) {
        throw Updater.stale(ref);
      }
    }
    throw ApiException.conflict(
        ref.kind().kind(), ref.name(), "the object kept changing while being deleted; try again");
  }

  /**
   * Marks the namespace Terminating, deletes its contents, and removes it once empty. Creates in a
   * terminating namespace are refused, so the sweep converges.
   */
  private ObjectNode deleteNamespace(ObjectRef ref, DeleteOptions options) {
    Namespaces.checkDeletable(ref.name());
    ObjectNode marked = deleteObject(ref, options);
    for (KindInfo kind : namespaces.namespacedKinds()) {
      String prefix = Keys.prefix(kind, ref.name());
      String after = null;
      while (true) {
        var page = store.list(prefix, after, 500, Consistency.LINEARIZABLE);
        for (StoredObject item : page.items()) {
          String name = item.key().substring(prefix.length());
          try {
            deleteObject(new ObjectRef(kind, ref.name(), name), DeleteOptions.NONE);
          } catch (ApiException e) {
            if (e.code() != 404) {
              throw e;
            }
          }
          after = item.key();
        }
        if (!page.more()) {
          break;
        }
      }
    }
    if (namespaces.finalizeIfDone(ref.name())) {
      return marked;
    }
    return store.get(ref.key(), Consistency.LINEARIZABLE).map(StoredObjects::decode).orElse(marked);
  }

  private static List<String> finalizers(ObjectNode object) {
    List<String> out = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  private static void checkPreconditions(ObjectRef ref, ObjectNode current, DeleteOptions options) {
    String rv = current.path("metadata").path("resourceVersion").asText();
    if (options.resourceVersion() != null && !options.resourceVersion().equals(rv)) {
      throw ApiException.conflict(
          ref.kind().kind(),
          ref.name(),
          "precondition failed: resourceVersion is "
              + rv
              + ", the request expected "
              + options.resourceVersion());
    }
    String uid = current.path("metadata").path("uid").asText();
    if (options.uid() != null && !options.uid().equals(uid)) {
      throw ApiException.conflict(
          ref.kind().kind(),
          ref.name(),
          "precondition failed: uid is " + uid + ", the request expected " + options.uid());
    }
  }
}
