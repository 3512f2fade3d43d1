package dev.nexus.controllers.workload;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Controller;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Predicates;
import dev.nexus.client.informer.ResourceEventHandler;
import dev.nexus.client.informer.SharedInformer;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The workload controller: registers a {@link WorkloadReconciler} with a {@link Manager}, for
 * Workloads, owning Instances. Events on a Workload's status alone (its own writes) are skipped;
 * any spec change raises the generation and gets through.
 */
public final class WorkloadController {
  /** The controller's name: in metrics, logs and as the source of its Events. */
  public static final String NAME = "workload";

  /** Reconciles at once by default: the work is mostly waiting for the API server. */
  public static final int DEFAULT_WORKERS = 8;

  private WorkloadController() {}

  /** Registers the controller with {@link #DEFAULT_WORKERS} workers. */
  public static Controller register(Manager manager) {
    return register(manager, DEFAULT_WORKERS);
  }

  /** Registers the controller; it runs when {@code manager} starts. */
  public static Controller register(Manager manager, int workers) {
    Expectations expectations = new Expectations(WorkloadReconciler.EXPECTATION_TTL);
    SharedInformer instances = manager.informers().informer(BuiltinKinds.INSTANCE);
    SharedInformer workloads = manager.informers().informer(BuiltinKinds.WORKLOAD);
    // Added before the controller's own handler, so an event lowers the expectation before it
    // queues the reconcile that checks it (the reconciler re-checks against the cache anyway).
    instances.addEventHandler(new ExpectationHandler(expectations));
    indexInstances(instances);
    WorkloadReconciler reconciler =
        new WorkloadReconciler(
            manager.client(),
            workloads.cache(),
            instances.cache(),
            manager.eventRecorder(NAME),
            expectations,
            new InstanceFactory(random()),
            Clock.systemUTC());
    return manager
        .controller(NAME)
        .forKind(BuiltinKinds.WORKLOAD)
        .owns(BuiltinKinds.INSTANCE)
        // An Instance no Workload controls may be adopted by those whose selector it matches.
        .watches(BuiltinKinds.INSTANCE, i -> InstanceClaims.adopters(i, workloads.cache()))
        .withPredicate(Predicates.generationChanged())
        .concurrency(workers)
        .build(reconciler);
  }

  /**
   * Adds the index {@link WorkloadReconciler} needs to the Instance informer (before it starts).
   */
  static void indexInstances(SharedInformer instances) {
    instances.addIndexer(InstanceClaims.ORPHANS, InstanceClaims::orphanIndex);
  }

  /**
   * Name suffixes need no secrecy, only independence between processes (two leaders in turn) and
   * thread safety (workers share it): {@link java.util.Random} is both.
   */
  private static RandomGenerator random() {
    return new java.util.Random();
  }

  /** Crosses Instance events off the owning Workload's expectations. */
  private record ExpectationHandler(Expectations expectations) implements ResourceEventHandler {
    @Override
    public void onAdd(ApiObject obj) {
      owner(obj).ifPresent(key -> expectations.creationObserved(key, obj.name()));
    }

    @Override
    public void onDelete(ApiObject lastKnown) {
      owner(lastKnown).ifPresent(key -> expectations.deletionObserved(key, lastKnown.name()));
    }

    private static Optional<String> owner(ApiObject instance) {
      return OwnerReferences.controllerOf(instance)
          .filter(ref -> BuiltinKinds.WORKLOAD.kind().equals(ref.kind()))
          .map(OwnerRef::name)
          .map(name -> instance.namespace() + "/" + name);
    }
  }
}
