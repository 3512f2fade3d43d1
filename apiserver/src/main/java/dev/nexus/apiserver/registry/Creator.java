package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.crd.CrdRules;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Create: the server sets {@code uid}, {@code creationTimestamp}, {@code generation: 1} and (from
 * the revision of the write) {@code resourceVersion}; a status sent with a kind that has a status
 * subresource is dropped (as in Kubernetes: status is written only through {@code /status}).
 */
final class Creator {
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  /** Index of the namespace's {@link Op.Check} in a namespaced create. */
  private static final int NAMESPACE_GUARD = 1;

  private final StoreAccess store;
  private final Admission admission;
  private final Namespaces namespaces;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Creator(StoreAccess store, Admission admission, Namespaces namespaces, Clock clock) {
    this.store = store;
    this.admission = admission;
    this.namespaces = namespaces;
    this.clock = clock;
  }

  ObjectNode create(KindInfo kind, String namespace, ObjectNode body) {
    admission.checkType(kind, body);
    ObjectNode obj = body.deepCopy();
    ObjectNode meta = StoredObjects.metadata(obj);
    if (kind.namespaced()) {
      String ns = meta.path("namespace").asText("");
      if (ns.isEmpty()) {
        meta.put("namespace", namespace);
      } else if (!ns.equals(namespace)) {
        throw ApiException.badRequest(
            "metadata.namespace: the namespace of the object ("
                + ns
                + ") does not match the namespace in the URL ("
                + namespace
                + ")");
      }
    } else {
      meta.remove("namespace");
    }
    if (meta.path("name").asText("").isEmpty() && !meta.path("generateName").asText("").isEmpty()) {
      meta.put("name", meta.get("generateName").asText() + suffix());
    }
    UpdateRules.SERVER_METADATA.forEach(meta::remove);
    if (kind.statusSubresource()) {
      obj.remove("status");
    }
    String now = Timestamps.now(clock);
    if (kind == BuiltinKinds.NAMESPACE) {
      obj.putObject("status").put("phase", "Active");
    } else if (kind == BuiltinKinds.CUSTOM_RESOURCE_DEFINITION) {
      obj.set("status", CrdRules.initialStatus(obj, now));
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", now);
    meta.put("generation", 1);
    String name = meta.path("name").asText("");
    admission.validate(kind, obj); // also checks generateName, so its error names that field
    // Used up making the name; not stored (it would mean nothing on a later update).
    meta.remove("generateName");
    byte[] value = admission.encodeWithinLimit(kind, name, obj);
    ObjectRef ref = new ObjectRef(kind, kind.namespaced() ? namespace : null, name);
    TxnResult result =
        kind.namespaced()
            ? commitInNamespace(ref, value)
            : store.commit(Txn.of(new Op.Put(ref.key(), value, Precondition.ABSENT)));
    if (!result.succeeded()) {
      throw ApiException.alreadyExists(kind.kind(), name);
    }
    meta.put("resourceVersion", Long.toString(result.revision()));
    return obj;
  }

  /**
   * Commits a namespaced create guarded by the revision of the namespace it was admitted into, so a
   * namespace deleted (or turned Terminating) between the check and the write cannot be left with
   * an orphan in it. When only the guard fails, the namespace changed: read it again, linearizably,
   * which answers 404 or 403 if it is gone or terminating, and otherwise try again with its new
   * revision (a label change, or a lagging local read).
   */
  private TxnResult commitInNamespace(ObjectRef ref, byte[] value) {
    String namespaceKey = Keys.namespace(ref.namespace());
    for (int attempt = 0; attempt < Updater.MAX_ATTEMPTS; attempt++) {
      StoredObject ns = namespaces.requireActive(ref.namespace(), attempt > 0);
      TxnResult result =
          store.commit(
              Txn.of(
                  new Op.Put(ref.key(), value, Precondition.ABSENT),
                  new Op.Check(namespaceKey, Precondition.modRevision(ns.modRevision()))));
      if (result.failedOp() != NAMESPACE_GUARD) {
        return result;
      }
    }
    throw ApiException.conflict(
        "Namespace",
        ref.namespace(),
        "the namespace kept changing during " + Updater.MAX_ATTEMPTS + " attempts; try again");
  }

  /** Five characters for {@code generateName}, from Kubernetes' alphabet (no vowels, no 0/1/3). */
  private String suffix() {
    StringBuilder sb = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      sb.append(ALPHANUMS.charAt(random.nextInt(ALPHANUMS.length())));
    }
    return sb.toString();
  }
}
