package dev.nexus.controllers.gc;

import dev.nexus.api.crd.CustomResource;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Controller;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.Result;
import dev.nexus.client.informer.SharedInformer;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The garbage collector: deletes objects whose owners are gone and carries out the {@code Orphan}
 * and {@code Foreground} delete policies the API server records as finalizers (see {@code
 * package-info}). It is one small controller per served kind — {@code garbage-collector.<plural>.
 * <group>} — over the manager's shared informers, whose owner indexes form the ownership graph,
 * plus {@code garbage-collector-discovery}, which follows CustomResourceDefinitions and rediscovers
 * the served kinds periodically.
 *
 * <pre>{@code
 * Manager manager = Manager.builder(client).build();
 * GarbageCollector.register(manager);
 * manager.start();
 * }</pre>
 */
public final class GarbageCollector {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  /** How often the served kinds are rediscovered even when no CRD changes. */
  public static final Duration REDISCOVERY_PERIOD = Duration.ofSeconds(30);

  /** Every object is looked at again this often (from the caches), in case an event was missed. */
  public static final Duration RESYNC_PERIOD = Duration.ofMinutes(10);

  /** Reconciles at once per kind. */
  static final int WORKERS = 2;

  private final Manager manager;
  private final TrackedKinds kinds = new TrackedKinds();
  private final Discovery discovery;

  private GarbageCollector(Manager manager) {
    this.manager = manager;
    this.discovery = new Discovery(manager.client(), kinds, this::addKind);
  }

  /**
   * Adds the garbage collector's controllers to {@code manager}: one per kind the server serves now
   * (the built-in kinds if it cannot be asked yet) and more as kinds appear. Call before or after
   * {@link Manager#start()}.
   */
  public static void register(Manager manager) {
    GarbageCollector gc = new GarbageCollector(manager);
    try {
      gc.discovery.refresh();
    } catch (RuntimeException e) {
      LOG.warn(
          "garbage collector: discovery failed, starting with the built-in kinds: {}",
          e.toString());
      gc.discovery.apply(BuiltinKinds.ALL);
    }
    manager
        .controller("garbage-collector-discovery")
        .forKind(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION)
        .build(request -> gc.followCrd(request.name()));
  }

  /**
   * A CRD changed (or a periodic look): rediscover, and track its kinds as soon as it defines them
   * even if discovery does not list them yet.
   */
  private Result followCrd(String crdName) {
    discovery.refreshNow();
    Optional<ApiObject> crd =
        manager
            .informers()
            .informer(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION)
            .cache()
            .get(null, crdName);
    if (crd.isPresent()) {
      for (CustomResource r : CustomResourceDefinitions.served(crd.get().node())) {
        addKind(r.kind());
        kinds.markServed(TrackedKinds.key(r.kind()));
      }
    }
    return Result.requeueAfter(REDISCOVERY_PERIOD);
  }

  private synchronized void addKind(KindInfo kind) {
    if (kinds.contains(kind)) {
      return;
    }
    SharedInformer informer = manager.informers().informer(kind);
    String group = kind.group().isEmpty() ? "core" : kind.group();
    GcReconciler reconciler =
        new GcReconciler(kind, informer.cache(), kinds, manager.client(), discovery);
    Controller controller =
        manager
            .controller("garbage-collector." + kind.plural() + "." + group + "." + kind.version())
            .forKind(kind)
            .concurrency(WORKERS)
            .resyncPeriod(RESYNC_PERIOD)
            .build(reconciler);
    kinds.put(new TrackedKinds.Tracked(kind, informer.cache(), controller));
    informer.addEventHandler(new GraphHandler(kinds));
  }
}
