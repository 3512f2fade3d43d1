package dev.nexus.controllers.gc;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Controller;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.Request;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.Indexes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every kind the collector watches — one informer and one controller each — and which of them the
 * server serves right now. The informers' owner indexes together form the ownership graph: the
 * dependents of an object are, in every kind, the objects indexed under its uid.
 */
final class TrackedKinds {
  /** One watched kind. */
  record Tracked(KindInfo kind, Cache cache, Controller controller) {
    void enqueue(String namespace, String name) {
      controller.queue().add(new Request(kind.namespaced() ? namespace : null, name));
    }
  }

  private final Map<String, Tracked> byKey = new ConcurrentHashMap<>();
  private volatile Set<String> served = Set.of();

  static String key(KindInfo kind) {
    return key(kind.apiVersion(), kind.kind());
  }

  static String key(String apiVersion, String kind) {
    return apiVersion + "/" + kind;
  }

  void put(Tracked tracked) {
    byKey.put(key(tracked.kind()), tracked);
  }

  boolean contains(KindInfo kind) {
    return byKey.containsKey(key(kind));
  }

  Optional<Tracked> of(OwnerRef ref) {
    return Optional.ofNullable(byKey.get(key(ref.apiVersion(), ref.kind())));
  }

  Optional<Tracked> of(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  Collection<Tracked> all() {
    return byKey.values();
  }

  boolean served(String key) {
    return served.contains(key);
  }

  /** Replaces the served set; returns the kinds that stopped being served. */
  synchronized List<Tracked> serve(Set<String> nowServed) {
    List<Tracked> gone = new ArrayList<>();
    for (String k : served) {
      if (!nowServed.contains(k) && byKey.containsKey(k)) {
        gone.add(byKey.get(k));
      }
    }
    served = Set.copyOf(nowServed);
    return gone;
  }

  synchronized void markServed(String key) {
    if (!served.contains(key)) {
      Set<String> next = new java.util.HashSet<>(served);
      next.add(key);
      served = Set.copyOf(next);
    }
  }

  /** Every object, of any kind, naming {@code owner} (by uid) in its ownerReferences. */
  List<OwnerPlan.Dependent> dependents(ApiObject owner) {
    List<OwnerPlan.Dependent> out = new ArrayList<>();
    String uid = owner.uid();
    if (uid == null) {
      return out;
    }
    for (Map.Entry<String, Tracked> e : byKey.entrySet()) {
      for (ApiObject dep : e.getValue().cache().byIndex(Indexes.OWNER, uid)) {
        boolean blocks = false;
        for (var ref : dev.nexus.client.controller.OwnerReferences.of(dep)) {
          blocks |= uid.equals(ref.uid()) && ref.blockOwnerDeletion();
        }
        out.add(new OwnerPlan.Dependent(e.getKey(), dep.namespace(), dep.name(), blocks));
      }
    }
    return out;
  }

  /** Queues every dependent of {@code owner} with its kind's controller. */
  void enqueueDependents(ApiObject owner) {
    enqueue(dependents(owner));
  }

  void enqueue(List<OwnerPlan.Dependent> dependents) {
    for (OwnerPlan.Dependent d : dependents) {
      of(d.kindKey()).ifPresent(t -> t.enqueue(d.namespace(), d.name()));
    }
  }
}
