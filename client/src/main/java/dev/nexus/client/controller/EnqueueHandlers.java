package dev.nexus.client.controller;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.informer.ResourceEventHandler;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns informer events into queued requests: the handler → queue step of a controller. */
final class EnqueueHandlers {
  private static final Logger log = LoggerFactory.getLogger(EnqueueHandlers.class);

  private EnqueueHandlers() {}

  /** Events on the primary kind queue the object's own key, when the predicate lets them. */
  static ResourceEventHandler forPrimary(WorkQueue<Request> queue, Predicate predicate) {
    return new ResourceEventHandler() {
      @Override
      public void onAdd(ApiObject obj) {
        if (predicate.create(obj)) {
          queue.add(Request.of(obj));
        }
      }

      @Override
      public void onUpdate(ApiObject oldObj, ApiObject newObj) {
        if (predicate.update(oldObj, newObj)) {
          queue.add(Request.of(newObj));
        }
      }

      @Override
      public void onDelete(ApiObject lastKnown) {
        if (predicate.delete(lastKnown)) {
          queue.add(Request.of(lastKnown));
        }
      }
    };
  }

  /**
   * Events on an owned object queue its controller owner's key, when that owner is of the {@code
   * owner} kind. Both the old and new owner are queued on update, so a change of owner reaches
   * both.
   */
  static ResourceEventHandler forOwned(WorkQueue<Request> queue, KindInfo owner) {
    return forMapped(queue, obj -> ownerRequest(obj, owner).stream().toList());
  }

  /** Events on any object queue whatever {@code mapper} says (old and new object on update). */
  static ResourceEventHandler forMapped(
      WorkQueue<Request> queue, Function<ApiObject, Collection<Request>> mapper) {
    return new ResourceEventHandler() {
      @Override
      public void onAdd(ApiObject obj) {
        enqueue(queue, mapper, obj);
      }

      @Override
      public void onUpdate(ApiObject oldObj, ApiObject newObj) {
        enqueue(queue, mapper, oldObj);
        enqueue(queue, mapper, newObj);
      }

      @Override
      public void onDelete(ApiObject lastKnown) {
        enqueue(queue, mapper, lastKnown);
      }
    };
  }

  static Optional<Request> ownerRequest(ApiObject owned, KindInfo owner) {
    return OwnerReferences.controllerOf(owned)
        .filter(ref -> owner.kind().equals(ref.kind()))
        .filter(ref -> ref.apiVersion() == null || owner.apiVersion().equals(ref.apiVersion()))
        .map(ref -> new Request(owner.namespaced() ? owned.namespace() : null, ref.name()));
  }

  /** A mapper that throws loses that one event (logged), not the informer's dispatch thread. */
  private static void enqueue(
      WorkQueue<Request> queue, Function<ApiObject, Collection<Request>> mapper, ApiObject obj) {
    Collection<Request> requests;
    try {
      requests = mapper.apply(obj);
    } catch (RuntimeException e) {
      log.error(
          "mapping {} {} to requests failed; the event is dropped", obj.kind(), obj.name(), e);
      return;
    }
    if (requests != null) {
      requests.forEach(queue::add);
    }
  }
}
