package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.api.selector.LabelSelector;
import dev.nexus.client.ConflictException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Request;
import dev.nexus.client.informer.Cache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Instances a Workload controls, decided as Kubernetes's ReplicaSet controller does: those
 * naming it as their controller owner and matching its selector. An Instance that matches the
 * selector and has no controller owner — left behind by a Workload deleted with {@code
 * propagationPolicy: Orphan}, or created by hand — is adopted; an owned Instance whose labels no
 * longer match is released (it stays, owned by no one).
 *
 * <p>Each write carries the resourceVersion the cache showed, so a concurrent change wins and the
 * next reconcile decides again. Before adopting anything the Workload is read from the server: one
 * deleted a moment ago (the cache may not show it yet) must not take Instances with it.
 */
final class InstanceClaims {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceClaims.class);

  /** The index of Instances without a controller owner, by namespace. */
  static final String ORPHANS = "workload-orphans";

  private final NexusClient client;

  InstanceClaims(NexusClient client) {
    this.client = client;
  }

  /** {@link #ORPHANS}'s index function. */
  static Collection<String> orphanIndex(ApiObject instance) {
    return OwnerReferences.controllerOf(instance).isEmpty() && instance.namespace() != null
        ? List.of(instance.namespace())
        : List.of();
  }

  /** The Workloads that would adopt {@code instance} if it has no controller owner. */
  static List<Request> adopters(ApiObject instance, Cache workloads) {
    if (orphanIndex(instance).isEmpty() || instance.deletionTimestamp() != null) {
      return List.of();
    }
    List<Request> out = new ArrayList<>();
    for (ApiObject w : workloads.list(instance.namespace())) {
      LabelSelector selector = selectorOf(w);
      if (!selector.isEmpty() && selector.matches(instance.labels())) {
        out.add(new Request(w.namespace(), w.name()));
      }
    }
    return out;
  }

  /**
   * {@code spec.selector}, or the template's labels when it is not set (the API server refuses a
   * Workload with neither, and one whose selector does not match its template).
   */
  static LabelSelector selectorOf(ApiObject workload) {
    JsonNode spec = workload.spec();
    JsonNode selector = spec.get("selector");
    if (selector != null && selector.isObject() && !selector.isEmpty()) {
      return LabelSelector.fromJson(selector);
    }
    // Sorted, so that status.selector reads the same whatever the template's key order.
    return LabelSelector.fromMap(
        new TreeMap<>(ApiObject.stringMap(spec.path("template").path("metadata"), "labels")));
  }

  /**
   * The Instances {@code workload} controls once matching orphans are adopted and owned Instances
   * that no longer match are released.
   *
   * @param owned the cached Instances naming {@code workload} as an owner
   * @param instances the Instance cache, with the {@link #ORPHANS} index
   */
  List<ApiObject> claim(ApiObject workload, List<ApiObject> owned, Cache instances) {
    LabelSelector selector = selectorOf(workload);
    List<ApiObject> controlled = new ArrayList<>();
    for (ApiObject i : owned) {
      if (!OwnerReferences.isControlledBy(i, workload)) {
        continue;
      }
      if (i.deletionTimestamp() == null && !selector.matches(i.labels())) {
        release(workload, i);
      } else {
        controlled.add(i);
      }
    }
    if (selector.isEmpty()) {
      return controlled; // would match every Instance in the namespace: adopt nothing
    }
    List<ApiObject> orphans = new ArrayList<>();
    for (ApiObject i : instances.byIndex(ORPHANS, workload.namespace())) {
      if (i.deletionTimestamp() == null && selector.matches(i.labels())) {
        orphans.add(i);
      }
    }
    if (!orphans.isEmpty() && stillLive(workload)) {
      for (ApiObject orphan : orphans) {
        adopt(workload, orphan).ifPresent(controlled::add);
      }
    }
    return controlled;
  }

  private boolean stillLive(ApiObject workload) {
    Optional<ApiObject> live =
        client.find(BuiltinKinds.WORKLOAD, workload.namespace(), workload.name());
    return live.isPresent()
        && workload.uid().equals(live.get().uid())
        && live.get().deletionTimestamp() == null;
  }

  private Optional<ApiObject> adopt(ApiObject workload, ApiObject orphan) {
    ApiObject next = orphan.copy();
    OwnerReferences.setController(next, workload);
    Optional<ApiObject> written = write(next);
    written.ifPresent(
        i ->
            LOG.info(
                "workload {}/{} adopted instance {}", i.namespace(), workload.name(), i.name()));
    return written;
  }

  private void release(ApiObject workload, ApiObject instance) {
    ApiObject next = instance.copy();
    OwnerReferences.remove(next, Set.of(workload.uid()));
    write(next)
        .ifPresent(
            i ->
                LOG.info(
                    "workload {}/{} released instance {}: its labels no longer match",
                    i.namespace(),
                    workload.name(),
                    i.name()));
  }

  /** Replaces with the cached resourceVersion; empty when someone else changed it first. */
  private Optional<ApiObject> write(ApiObject next) {
    try {
      return Optional.of(client.replace(BuiltinKinds.INSTANCE, next));
    } catch (ConflictException | NotFoundException e) {
      return Optional.empty(); // the change queues this Workload again with the new state
    }
  }
}
