package dev.nexus.controllers.gc;

import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.informer.ResourceEventHandler;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns changes of one kind's objects into work for other kinds' controllers (the object itself is
 * queued by its own controller): when an object goes or starts being deleted, its dependents are
 * looked at; when a dependent changes or goes, its owners that are being deleted are looked at
 * again, since they may be waiting for it.
 */
final class GraphHandler implements ResourceEventHandler {
  private final TrackedKinds kinds;

  GraphHandler(TrackedKinds kinds) {
    this.kinds = kinds;
  }

  @Override
  public void onAdd(ApiObject obj) {
    if (obj.deletionTimestamp() != null) {
      kinds.enqueueDependents(obj);
    }
  }

  @Override
  public void onUpdate(ApiObject oldObj, ApiObject newObj) {
    if (oldObj == newObj) {
      return; // a resync: the object's own controller looks at it
    }
    if (newObj.deletionTimestamp() != null && oldObj.deletionTimestamp() == null) {
      kinds.enqueueDependents(newObj);
    }
    Set<OwnerRef> owners = new LinkedHashSet<>(OwnerReferences.of(oldObj));
    owners.addAll(OwnerReferences.of(newObj));
    enqueueDeletingOwners(newObj.namespace(), owners);
  }

  @Override
  public void onDelete(ApiObject lastKnown) {
    kinds.enqueueDependents(lastKnown);
    enqueueDeletingOwners(lastKnown.namespace(), OwnerReferences.of(lastKnown));
  }

  private void enqueueDeletingOwners(String namespace, Iterable<OwnerRef> owners) {
    for (OwnerRef ref : owners) {
      kinds
          .of(ref)
          .ifPresent(
              t -> {
                String ns = t.kind().namespaced() ? namespace : null;
                t.cache()
                    .get(ns, ref.name())
                    .filter(o -> o.deletionTimestamp() != null)
                    .ifPresent(o -> t.enqueue(ns, ref.name()));
              });
    }
  }
}
