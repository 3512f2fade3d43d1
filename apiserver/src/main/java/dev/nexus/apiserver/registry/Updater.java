package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.util.function.UnaryOperator;

/**
 * The read-modify-write loop every update goes through (replace, merge patch, status, scale).
 *
 * <p>Each attempt reads the object, applies the request's transformation, validates the result and
 * commits it on the condition that the key still has the revision that was read. A request that
 * named a {@code resourceVersion} gets 409 as soon as it is stale; one that did not is retried on a
 * lost race, up to {@link #MAX_ATTEMPTS} times. An update that leaves the object unchanged writes
 * nothing (the {@code resourceVersion} stays, no watch event fires). An update that empties the
 * finalizers of an object being deleted completes the deletion.
 */
final class Updater {
  /**
   * Attempts for a request without a resourceVersion. Each lost race means another writer's commit
   * went through, so with n writers on one object a request loses at most about n - 1 times.
   */
  static final int MAX_ATTEMPTS = 32;

  private final StoreAccess store;
  private final Admission admission;
  private final Namespaces namespaces;

  Updater(StoreAccess store, Admission admission, Namespaces namespaces) {
    this.store = store;
    this.admission = admission;
    this.namespaces = namespaces;
  }

  /**
   * @param ref the object
   * @param requestedRv the {@code resourceVersion} the request insists on, or null
   * @param transform the current object (a private copy, with its resourceVersion) to the object to
   *     store, with the update rules already applied
   */
  ObjectNode update(ObjectRef ref, String requestedRv, UnaryOperator<ObjectNode> transform) {
    checkFormat(ref, requestedRv);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      StoredObject stored =
          store
              .getForWrite(
                  ref.key(),
                  attempt > 0,
                  s ->
                      s.isPresent()
                          && (requestedRv == null
                              || requestedRv.equals(Long.toString(s.get().modRevision()))))
              .orElseThrow(() -> ApiException.notFound(ref.kind().kind(), ref.name()));
      ObjectNode current = StoredObjects.decode(stored);
      if (requestedRv != null && !requestedRv.equals(Long.toString(stored.modRevision()))) {
        throw stale(ref);
      }
      ObjectNode next = transform.apply(current.deepCopy());
      if (StoredObjects.same(next, current)) {
        return current;
      }
      admission.validate(ref.kind(), next);
      byte[] value = admission.encodeWithinLimit(ref.kind(), ref.name(), next);
      boolean completesDeletion =
          ref.kind() != BuiltinKinds.NAMESPACE
              && next.path("metadata").hasNonNull("deletionTimestamp")
              && next.path("metadata").path("finalizers").isEmpty();
      Precondition unchanged = Precondition.modRevision(stored.modRevision());
      TxnResult result =
          store.commit(
              Txn.of(
                  completesDeletion
                      ? new Op.Delete(ref.key(), unchanged)
                      : new Op.Put(ref.key(), value, unchanged)));
      if (result.succeeded()) {
        StoredObjects.metadata(next).put("resourceVersion", Long.toString(result.revision()));
        if (completesDeletion && ref.namespace() != null) {
          namespaces.finalizeIfDone(ref.namespace());
        } else if (ref.kind() == BuiltinKinds.NAMESPACE && Namespaces.terminating(next)) {
          namespaces.finalizeIfDone(ref.name());
        }
        return next;
      }
      if (requestedRv != null) {
        throw stale(ref);
      }
    }
    throw ApiException.conflict(
        ref.kind().kind(),
        ref.name(),
        "the object kept changing during " + MAX_ATTEMPTS + " attempts; try again");
  }

  static void checkFormat(ObjectRef ref, String rv) {
    if (rv != null && !rv.matches("[0-9]{1,19}")) {
      throw ApiException.invalidField(
          ref.kind().kind(),
          ref.name(),
          "metadata.resourceVersion",
          "\"" + rv + "\" is not a resourceVersion this server issued (a decimal number)");
    }
  }

  static ApiException stale(ObjectRef ref) {
    return ApiException.conflict(
        ref.kind().kind(),
        ref.name(),
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }
}
