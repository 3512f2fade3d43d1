package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespace lifecycle: namespaced objects may only be created in an existing, active namespace; a
 * deleted namespace turns {@code Terminating} until everything in it is gone, then disappears.
 */
final class Namespaces {
  /** Namespaces that exist from the first start and cannot be deleted. */
  static final Set<String> PROTECTED = Set.of("default", "nexus-system");

  private final StoreAccess store;
  private final KindRegistry kinds;
  private final Clock clock;

  /** Whether a namespace was terminating as of a revision: every create asks, so decode once. */
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  private record Known(long modRevision, boolean terminating) {}

  private static final int KNOWN_MAX = 1024;

  Namespaces(StoreAccess store, KindRegistry kinds, Clock clock) {
    this.store = store;
    this.kinds = kinds;
    this.clock = clock;
  }

  /** Creates the namespace unless it exists (idempotent: safe on every start and on a race). */
  void ensure(String name) {
    if (store.get(Keys.namespace(name), Consistency.LINEARIZABLE).isPresent()) {
      return;
    }
    ObjectNode ns = JsonNodeFactory.instance.objectNode();
    ns.put("apiVersion", BuiltinKinds.API_VERSION);
    ns.put("kind", BuiltinKinds.NAMESPACE.kind());
    ObjectNode meta = ns.putObject("metadata");
    meta.put("name", name);
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Timestamps.now(clock));
    meta.put("generation", 1);
    ns.putObject("spec");
    ns.putObject("status").put("phase", "Active");
    store.commit(
        Txn.of(new Op.Put(Keys.namespace(name), StoredObjects.encode(ns), Precondition.ABSENT)));
  }

  /**
   * Returns the namespace as stored, for a write to guard itself with its revision ({@link
   * Op.Check}); 404 when it does not exist, 403 while it is being deleted. Read from this replica
   * first unless {@code linearizable} (a retry after the guard failed).
   */
  StoredObject requireActive(String namespace, boolean linearizable) {
    Optional<StoredObject> ns =
        store.getForWrite(
            Keys.namespace(namespace), linearizable, s -> s.isPresent() && !terminating(s.get()));
    if (ns.isEmpty()) {
      throw new ApiException(
          new Status(
              404,
              "NotFound",
              "namespace \"" + namespace + "\" not found",
              new Status.Details(
                  namespace,
                  "Namespace",
                  List.of(
                      new Status.Cause(
                          "metadata.namespace",
                          "namespace \"" + namespace + "\" does not exist; create it first",
                          "FieldValueNotFound")))));
    }
    if (terminating(ns.get())) {
      throw new ApiException(
          new Status(
              403,
              "Forbidden",
              "unable to create new content in namespace "
                  + namespace
                  + " because it is being terminated",
              new Status.Details(
                  namespace,
                  "Namespace",
                  List.of(
                      new Status.Cause(
                          "metadata.namespace",
                          "namespace is being terminated",
                          "NamespaceTerminating")))));
    }
    return ns.get();
  }

  /**
   * {@link #terminating(ObjectNode)} of a stored namespace, remembered by key and revision: a
   * revision names one value of a key, since readers see an entry's writes only all together.
   */
  private boolean terminating(StoredObject stored) {
    Known k = known.get(stored.key());
    if (k != null && k.modRevision() == stored.modRevision()) {
      return k.terminating();
    }
    boolean terminating = terminating(StoredObjects.decode(stored));
    if (known.size() >= KNOWN_MAX) {
      known.clear();
    }
    known.put(stored.key(), new Known(stored.modRevision(), terminating));
    return terminating;
  }

  static void checkDeletable(String name) {
    if (PROTECTED.contains(name)) {
      throw new ApiException(
          new Status(
              403,
              "Forbidden",
              "namespace \"" + name + "\" is forbidden: this namespace may not be deleted",
              new Status.Details(name, "Namespace", List.of())));
    }
  }

  /**
   * Deletes a terminating namespace once nothing is left in it and no finalizer holds it; returns
   * whether it is gone. Called after every delete inside a terminating namespace.
   */
  boolean finalizeIfDone(String name) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<StoredObject> stored = store.get(Keys.namespace(name), Consistency.LINEARIZABLE);
      if (stored.isEmpty()) {
        return true;
      }
      ObjectNode ns = StoredObjects.decode(stored.get());
      if (!terminating(ns)
          || !ns.path("metadata").path("finalizers").isEmpty()
          || !ns.path("spec").path("finalizers").isEmpty()
          || !isEmpty(name)) {
        return false;
      }
      var result =
          store.commit(
              Txn.of(
                  new Op.Delete(
                      Keys.namespace(name), Precondition.modRevision(stored.get().modRevision()))));
      if (result.succeeded()) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty(String namespace) {
    for (KindInfo kind : namespacedKinds()) {
      if (!store
          .list(Keys.prefix(kind, namespace), null, 1, Consistency.LINEARIZABLE)
          .items()
          .isEmpty()) {
        return false;
      }
    }
    return true;
  }

  List<KindInfo> namespacedKinds() {
    return kinds.all().stream().filter(KindInfo::namespaced).toList();
  }

  static boolean terminating(ObjectNode ns) {
    return ns.path("metadata").hasNonNull("deletionTimestamp");
  }
}
