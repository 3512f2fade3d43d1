package dev.nexus.client.controller;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.informer.SharedInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Describes one controller: the primary kind it reconciles, the kinds whose events map back to a
 * primary key, filters, concurrency and retry policy. {@link #build} registers it with its {@link
 * Manager}, whose shared informers feed it. Obtain one from {@link Manager#controller(String)}.
 */
public final class ControllerBuilder {
  private final Manager manager;
  private final String name;
  private KindInfo primary;
  private final List<KindInfo> owned = new ArrayList<>();
  private final List<Watched> watched = new ArrayList<>();
  private final List<Predicate> predicates = new ArrayList<>();
  private int workers = 1;
  private RateLimiter<Request> rateLimiter;
  private Duration resync;

  private record Watched(KindInfo kind, Function<ApiObject, Collection<Request>> mapper) {}

  ControllerBuilder(Manager manager, String name) {
    this.manager = manager;
    this.name = name;
  }

  /** The kind this controller reconciles: its events queue {@link Request#of} the object. */
  public ControllerBuilder forKind(KindInfo primary) {
    this.primary = Objects.requireNonNull(primary, "primary");
    return this;
  }

  /**
   * A kind this controller creates and owns: an event on such an object queues the key of its
   * controller owner (same namespace), when that owner is of the primary kind.
   */
  public ControllerBuilder owns(KindInfo ownedKind) {
    owned.add(Objects.requireNonNull(ownedKind, "owned"));
    return this;
  }

  /** Any other kind: an event on such an object queues the keys {@code mapper} returns. */
  public ControllerBuilder watches(KindInfo kind, Function<ApiObject, Collection<Request>> mapper) {
    watched.add(new Watched(Objects.requireNonNull(kind), Objects.requireNonNull(mapper)));
    return this;
  }

  /** Filters events of the primary kind; several predicates must all pass. */
  public ControllerBuilder withPredicate(Predicate predicate) {
    predicates.add(Objects.requireNonNull(predicate, "predicate"));
    return this;
  }

  /** How many keys are reconciled at once, each on its own virtual thread; default 1. */
  public ControllerBuilder concurrency(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException(
          "controller " + name + ": concurrency must be at least 1, not " + workers);
    }
    this.workers = workers;
    return this;
  }

  /** How failed keys wait; default {@link RateLimiters#defaultControllerRateLimiter()}. */
  public ControllerBuilder rateLimiter(RateLimiter<Request> limiter) {
    this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
    return this;
  }

  /** Reconciles every primary object this often even when nothing changed; default never. */
  public ControllerBuilder resyncPeriod(Duration period) {
    if (!period.isPositive()) {
      throw new IllegalArgumentException(
          "controller " + name + ": resync period must be positive, not " + period);
    }
    this.resync = period;
    return this;
  }

  /**
   * Builds the controller and registers it; it runs once the manager starts (at once if it has).
   */
  public Controller build(Reconciler reconciler) {
    Objects.requireNonNull(reconciler, "reconciler");
    if (primary == null) {
      throw new IllegalStateException("controller " + name + ": forKind(...) is required");
    }
    ControllerMetrics metrics = new ControllerMetrics(manager.metrics(), name);
    WorkQueue<Request> queue =
        new WorkQueue<>(
            name,
            rateLimiter == null ? RateLimiters.defaultControllerRateLimiter() : rateLimiter,
            metrics::queueDepth);
    SharedInformer primaryInformer = manager.informers().informer(primary);
    Controller controller =
        new Controller(
            name,
            reconciler,
            queue,
            workers,
            metrics,
            manager.eventRecorder(name),
            primaryInformer.cache());
    Predicate predicate = Predicates.and(predicates.toArray(Predicate[]::new));
    if (resync == null) {
      primaryInformer.addEventHandler(EnqueueHandlers.forPrimary(queue, predicate));
    } else {
      // A resync is onUpdate(o, o): it must get past ...Changed predicates to do its job.
      primaryInformer.addEventHandler(
          EnqueueHandlers.forPrimary(queue, resyncPasses(predicate)), resync);
    }
    for (KindInfo kind : owned) {
      manager.informers().informer(kind).addEventHandler(EnqueueHandlers.forOwned(queue, primary));
    }
    for (Watched w : watched) {
      manager
          .informers()
          .informer(w.kind())
          .addEventHandler(EnqueueHandlers.forMapped(queue, w.mapper()));
    }
    manager.register(controller);
    return controller;
  }

  private static Predicate resyncPasses(Predicate p) {
    return new Predicate() {
      @Override
      public boolean create(ApiObject object) {
        return p.create(object);
      }

      @Override
      public boolean update(ApiObject oldObject, ApiObject newObject) {
        return oldObject == newObject
            || Objects.equals(oldObject.resourceVersion(), newObject.resourceVersion())
            || p.update(oldObject, newObject);
      }

      @Override
      public boolean delete(ApiObject object) {
        return p.delete(object);
      }
    };
  }
}
