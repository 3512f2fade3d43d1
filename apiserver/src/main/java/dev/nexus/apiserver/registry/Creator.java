package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
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
    // Used up here; the ObjectMeta schema has no generateName, so it is not stored.
    meta.remove("generateName");
    UpdateRules.SERVER_METADATA.forEach(meta::remove);
    if (kind.statusSubresource()) {
      obj.remove("status");
    }
    if (kind == BuiltinKinds.NAMESPACE) {
      obj.putObject("status").put("phase", "Active");
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("creationTimestamp", Timestamps.now(clock));
    meta.put("generation", 1);
    String name = meta.path("name").asText("");
    admission.validate(kind, obj);
    byte[] value = admission.encodeWithinLimit(kind, name, obj);
    ObjectRef ref = new ObjectRef(kind, kind.namespaced() ? namespace : null, name);
    if (kind.namespaced()) {
      namespaces.requireActive(namespace);
    }
    TxnResult result = store.commit(Txn.of(new Op.Put(ref.key(), value, Precondition.ABSENT)));
    if (!result.succeeded()) {
      throw ApiException.alreadyExists(kind.kind(), name);
    }
    meta.put("resourceVersion", Long.toString(result.revision()));
    return obj;
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
