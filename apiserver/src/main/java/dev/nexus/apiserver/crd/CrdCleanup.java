package dev.nexus.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.apiserver.registry.Keys;
import dev.nexus.apiserver.registry.StoredObjects;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the objects of a deleted CRD, then the CRD itself (by taking away its cleanup finalizer).
 * Objects go whatever their own finalizers say: the controllers that would clear those can no
 * longer reach a kind that is not served. Runs on a virtual thread per CRD, at most one at a time
 * per CRD on this replica; running it on several replicas, or again after a crash, is harmless,
 * since every delete is conditional on the revision it read.
 */
final class CrdCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(CrdCleanup.class);
  private static final int PAGE = 500;
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final Store store;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  CrdCleanup(Store store) {
    this.store = store;
  }

  /**
   * Starts cleaning up after {@code crd} unless already under way.
   *
   * @param removeCrd whether to finish by removing the CRD's finalizer (false when it is gone)
   */
  void schedule(JsonNode crd, boolean removeCrd) {
    String name = crd.path("metadata").path("name").asText();
    if (!running.add(name)) {
      return;
    }
    Thread.ofVirtual()
        .name("crd-cleanup-" + name)
        .start(
            () -> {
              try {
                run(crd, removeCrd);
              } catch (RuntimeException e) {
                LOG.warn(
                    "cleaning up after CustomResourceDefinition {} failed (retried at the next"
                        + " start or change): {}",
                    name,
                    e.toString());
              } finally {
                running.remove(name);
              }
            });
  }

  private void run(JsonNode crd, boolean removeCrd) {
    String name = crd.path("metadata").path("name").asText();
    String prefix =
        Keys.ROOT
            + crd.path("spec").path("group").asText()
            + "/"
            + crd.path("spec").path("names").path("plural").asText()
            + "/";
    int deleted = 0;
    // Until a pass finds nothing: a create admitted just before the kind stopped being served may
    // commit while the first pass runs.
    while (true) {
      int pass = deleteAll(prefix);
      deleted += pass;
      if (pass == 0) {
        break;
      }
    }
    if (removeCrd) {
      removeFinalizer(name);
    }
    LOG.info("CustomResourceDefinition {}: deleted {} objects", name, deleted);
  }

  private int deleteAll(String prefix) {
    int deleted = 0;
    String after = null;
    while (true) {
      ListPage page = store.list(prefix, after, PAGE, Consistency.LINEARIZABLE);
      for (StoredObject item : page.items()) {
        if (commit(new Op.Delete(item.key(), Precondition.modRevision(item.modRevision())))) {
          deleted++;
        }
        after = item.key();
      }
      if (!page.more()) {
        return deleted;
      }
    }
  }

  private void removeFinalizer(String name) {
    String key = Keys.object(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, null, name);
    for (int attempt = 0; attempt < 16; attempt++) {
      var stored = store.get(key, Consistency.LINEARIZABLE);
      if (stored.isEmpty()) {
        return;
      }
      ObjectNode crd = StoredObjects.decode(stored.get());
      if (!CustomResourceDefinitions.terminating(crd)) {
        return; // not being deleted (any more): nothing to finish
      }
      ObjectNode meta = (ObjectNode) crd.get("metadata");
      ArrayNode kept = meta.arrayNode();
      meta.path("finalizers")
          .forEach(
              f -> {
                if (!f.asText().equals(CustomResourceDefinitions.CLEANUP_FINALIZER)) {
                  kept.add(f);
                }
              });
      Precondition unchanged = Precondition.modRevision(stored.get().modRevision());
      Op op;
      if (kept.isEmpty()) {
        op = new Op.Delete(key, unchanged);
      } else {
        meta.set("finalizers", kept);
        op = new Op.Put(key, StoredObjects.encode(crd), unchanged);
      }
      if (commit(op)) {
        return;
      }
    }
    throw new IllegalStateException("the CRD kept changing while its finalizer was removed");
  }

  private boolean commit(Op op) {
    try {
      TxnResult r = store.commit(Txn.of(op)).get(COMMIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return r.succeeded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("storage failed: " + e, e);
    }
  }
}
