package dev.nexus.controllers.gc;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Finalizers;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Reconciler;
import dev.nexus.client.controller.Request;
import dev.nexus.client.controller.Result;
import dev.nexus.client.informer.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's reconciler for one kind. An object being deleted with a collector finalizer is an
 * owner to finish ({@link OwnerPlan}); any other object with owner references is a dependent to
 * check ({@link DependentPlan}). Decisions start from the informer caches; an owner the cache does
 * not show is looked up live before anything is deleted, so a cache that lags never costs an
 * object.
 */
final class GcReconciler implements Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(GcReconciler.class);

  /** An owner waiting for blocking dependents is looked at this often even without events. */
  static final Duration WAIT_RECHECK = Duration.ofSeconds(30);

  private final KindInfo kind;
  private final Cache cache;
  private final TrackedKinds kinds;
  private final NexusClient client;
  private final ObjectEdits edits;
  private final Discovery discovery;

  /**
   * A dependent whose owner the server shows but the owner's cache does not is looked at again,
   * first after this long and then twice as long each time (up to {@link #CACHE_LAG_MAX}), until
   * the cache shows the owner: the owner's informer may list only after the owner was deleted, and
   * then no event will ever tell the collector of that delete (Kubernetes's collector keeps a
   * "virtual node" for such an owner for the same reason).
   */
  static final Duration CACHE_LAG_RECHECK = Duration.ofSeconds(1);

  static final Duration CACHE_LAG_MAX = Duration.ofMinutes(1);

  /** How many times in a row each dependent found an owner only on the server. */
  private final Map<Request, Integer> cacheLagRechecks = new ConcurrentHashMap<>();

  GcReconciler(
      KindInfo kind, Cache cache, TrackedKinds kinds, NexusClient client, Discovery discovery) {
    this.kind = kind;
    this.cache = cache;
    this.kinds = kinds;
    this.client = client;
    this.edits = new ObjectEdits(client);
    this.discovery = discovery;
  }

  @Override
  public Result reconcile(Request request) {
    Optional<ApiObject> found = cache.get(request.namespace(), request.name());
    if (found.isEmpty()) {
      return settled(request);
    }
    ApiObject object = found.get();
    if (object.deletionTimestamp() != null) {
      return finishOwner(object);
    }
    List<OwnerRef> owners = OwnerReferences.of(object);
    if (owners.isEmpty()) {
      return settled(request);
    }
    boolean hasDependents = !kinds.dependents(object).isEmpty();
    List<OwnerRef> uncached = new ArrayList<>();
    Function<OwnerRef, OwnerState> stateOf =
        ref -> {
          OwnerLookup lookup = ownerState(ref, object);
          if (!lookup.fromCache() && lookup.state() != OwnerState.ABSENT) {
            uncached.add(ref); // alive, but its informer has not shown it yet
          }
          return lookup.state();
        };
    switch (DependentPlan.decide(owners, stateOf, hasDependents)) {
      case DependentPlan.Keep k -> {}
      case DependentPlan.Delete d -> {
        if (edits.delete(kind, object.namespace(), object.name(), object.uid(), d.policy())) {
          LOG.info(
              "deleted {} {}/{} ({}): its owners are gone",
              kind.kind(),
              object.namespace(),
              object.name(),
              d.policy());
        }
      }
      case DependentPlan.DropOwnerRefs drop -> {
        edits.update(
            kind,
            object.namespace(),
            object.name(),
            object.uid(),
            o -> OwnerReferences.remove(o, drop.uids()));
      }
    }
    return uncached.isEmpty() ? settled(request) : recheckForLaggingCache(request);
  }

  private Result settled(Request request) {
    cacheLagRechecks.remove(request);
    return Result.done();
  }

  private Result recheckForLaggingCache(Request request) {
    int n = cacheLagRechecks.merge(request, 1, Integer::sum);
    Duration delay = CACHE_LAG_RECHECK.multipliedBy(1L << Math.min(n - 1, 6));
    return Result.requeueAfter(delay.compareTo(CACHE_LAG_MAX) > 0 ? CACHE_LAG_MAX : delay);
  }

  private Result finishOwner(ApiObject owner) {
    List<OwnerPlan.Dependent> deps = kinds.dependents(owner);
    switch (OwnerPlan.decide(true, owner.finalizers(), deps)) {
      case OwnerPlan.Nothing n -> {}
      case OwnerPlan.Orphan o -> {
        for (OwnerPlan.Dependent d : o.dependents()) {
          orphan(d, owner.uid());
        }
        removeFinalizer(owner, OwnerPlan.ORPHAN);
      }
      case OwnerPlan.Wait w -> {
        kinds.enqueue(w.dependents());
        return Result.requeueAfter(WAIT_RECHECK);
      }
      case OwnerPlan.Release r -> {
        kinds.enqueue(r.dependents());
        removeFinalizer(owner, OwnerPlan.FOREGROUND);
      }
    }
    return Result.done();
  }

  private void orphan(OwnerPlan.Dependent d, String ownerUid) {
    kinds
        .of(d.kindKey())
        .ifPresent(
            t ->
                t.cache()
                    .get(d.namespace(), d.name())
                    .ifPresent(
                        dep ->
                            edits.update(
                                t.kind(),
                                d.namespace(),
                                d.name(),
                                dep.uid(),
                                o -> OwnerReferences.remove(o, Set.of(ownerUid)))));
  }

  private void removeFinalizer(ApiObject owner, String finalizer) {
    edits.update(
        kind, owner.namespace(), owner.name(), owner.uid(), o -> Finalizers.remove(o, finalizer));
  }

  /** An owner's state, and whether the owner's cache showed it. */
  private record OwnerLookup(OwnerState state, boolean fromCache) {
    static OwnerLookup live(OwnerState state) {
      return new OwnerLookup(state, false);
    }
  }

  /** The owner's state: from the cache when it shows the owner, else from the server. */
  private OwnerLookup ownerState(OwnerRef ref, ApiObject dependent) {
    Optional<TrackedKinds.Tracked> tracked = kinds.of(ref);
    String key = TrackedKinds.key(ref.apiVersion(), ref.kind());
    if (tracked.isEmpty() || !kinds.served(key)) {
      discovery.refresh();
      tracked = kinds.of(ref);
      if (tracked.isEmpty() || !kinds.served(key)) {
        // What this collector tracks may trail the server (a kind created a moment ago, a
        // rate-limited refresh): only the server's own discovery may call the kind unserved,
        // since that answer deletes dependents.
        Optional<KindInfo> served =
            client.discover().stream().filter(k -> TrackedKinds.key(k).equals(key)).findFirst();
        return OwnerLookup.live(
            served.isEmpty() ? OwnerState.ABSENT : liveState(served.get(), ref, dependent));
      }
    }
    KindInfo ownerKind = tracked.get().kind();
    String ns = ownerNamespace(ownerKind, dependent);
    if (ownerKind.namespaced() && ns == null) {
      return new OwnerLookup(OwnerState.UNRESOLVABLE, true); // no lookup can change that
    }
    Optional<ApiObject> cached = tracked.get().cache().get(ns, ref.name());
    if (cached.isPresent() && ref.uid().equals(cached.get().uid())) {
      return new OwnerLookup(stateOf(cached.get()), true);
    }
    return OwnerLookup.live(liveState(ownerKind, ref, dependent));
  }

  /** An owner of a namespaced kind lives in its dependent's namespace (null if it has none). */
  private static String ownerNamespace(KindInfo ownerKind, ApiObject dependent) {
    return ownerKind.namespaced() ? dependent.namespace() : null;
  }

  private OwnerState liveState(KindInfo ownerKind, OwnerRef ref, ApiObject dependent) {
    String ns = ownerNamespace(ownerKind, dependent);
    if (ownerKind.namespaced() && ns == null) {
      return OwnerState.UNRESOLVABLE;
    }
    Optional<ApiObject> live = client.find(ownerKind, ns, ref.name());
    return live.isPresent() && ref.uid().equals(live.get().uid())
        ? stateOf(live.get())
        : OwnerState.ABSENT;
  }

  private static OwnerState stateOf(ApiObject owner) {
    return owner.deletionTimestamp() != null && owner.finalizers().contains(OwnerPlan.FOREGROUND)
        ? OwnerState.DELETING_FOREGROUND
        : OwnerState.PRESENT;
  }
}
