package dev.nexus.client.informer;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informer behind {@link SharedInformerFactory}: a {@link Reflector} lists and watches, and
 * every change is applied to the {@link IndexedCache} and handed to the handlers on one {@link
 * Dispatcher} thread, in order.
 */
final class DefaultSharedInformer implements SharedInformer {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSharedInformer.class);

  private final KindInfo kind;
  private final IndexedCache cache = new IndexedCache();
  private final Dispatcher dispatcher;
  private final Reflector reflector;

  /** Only the dispatch thread reads or changes this list. */
  private final List<ResourceEventHandler> handlers = new ArrayList<>();

  private final List<Thread> resyncTickers = new CopyOnWriteArrayList<>();
  private volatile boolean started;
  private volatile boolean stopped;
  private volatile boolean synced;
  private volatile long revision;

  DefaultSharedInformer(NexusClient client, KindInfo kind, int pageSize) {
    this.kind = kind;
    this.dispatcher = new Dispatcher("informer-" + kind.plural());
    this.reflector =
        new Reflector(
            client,
            kind,
            pageSize,
            new Reflector.Sink() {
              @Override
              public void onList(List<ApiObject> items, String rv) {
                dispatcher.submit(() -> applyList(items, rv));
              }

              @Override
              public void onEvent(WatchEvent event) {
                dispatcher.submit(() -> applyEvent(event));
              }
            });
  }

  @Override
  public KindInfo kind() {
    return kind;
  }

  @Override
  public void addEventHandler(ResourceEventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    dispatcher.submit(
        () -> {
          for (ApiObject o : cache.list()) {
            call(handler, "onAdd", () -> handler.onAdd(o));
          }
          handlers.add(handler);
        });
  }

  @Override
  public void addEventHandler(ResourceEventHandler handler, Duration resyncPeriod) {
    addEventHandler(handler);
    if (resyncPeriod == null || resyncPeriod.isZero() || resyncPeriod.isNegative()) {
      return;
    }
    Thread ticker =
        Thread.ofVirtual()
            .name("informer-resync-" + kind.plural())
            .start(() -> resyncLoop(handler, resyncPeriod));
    resyncTickers.add(ticker);
    if (stopped) {
      ticker.interrupt();
    }
  }

  /**
   * Adds an index. Meant for before {@link #start()}, but safe later too: objects already cached
   * are indexed at once. When the name is taken the first function stays (informers are shared, so
   * two controllers registering the same index is normal; they must agree on what it means).
   */
  @Override
  public void addIndexer(String name, Function<ApiObject, Collection<String>> indexFunction) {
    Objects.requireNonNull(name, "index name");
    Objects.requireNonNull(indexFunction, "index function");
    if (cache.indexNames().contains(name)) {
      LOG.debug("{}: index \"{}\" already exists; keeping the first", kind.plural(), name);
      return;
    }
    try {
      cache.addIndex(name, indexFunction);
    } catch (IllegalStateException e) {
      LOG.debug("{}: index \"{}\" was added concurrently; keeping the first", kind.plural(), name);
    }
  }

  @Override
  public Cache cache() {
    return cache;
  }

  @Override
  public boolean hasSynced() {
    return synced;
  }

  @Override
  public long lastSyncRevision() {
    return revision;
  }

  synchronized void start() {
    if (started || stopped) {
      return;
    }
    started = true;
    dispatcher.start();
    reflector.start();
  }

  synchronized void stop() {
    stopped = true;
    reflector.stop();
    dispatcher.stop();
    resyncTickers.forEach(Thread::interrupt);
  }

  /** Replaces the cache with a full list, telling handlers the difference. Dispatch thread. */
  private void applyList(List<ApiObject> items, String rv) {
    Map<ObjectKey, ApiObject> before = cache.snapshot();
    Set<ObjectKey> seen = new HashSet<>();
    for (ApiObject o : items) {
      ObjectKey key = ObjectKey.of(o);
      seen.add(key);
      ApiObject old = before.get(key);
      if (old == null) {
        cache.put(o);
        notifyAdd(o);
      } else if (!Objects.equals(old.resourceVersion(), o.resourceVersion())) {
        cache.put(o);
        notifyUpdate(old, o);
      }
    }
    for (Map.Entry<ObjectKey, ApiObject> e : before.entrySet()) {
      if (!seen.contains(e.getKey())) {
        cache.remove(e.getKey());
        notifyDelete(e.getValue());
      }
    }
    revision = parse(rv, revision);
    if (!synced) {
      synced = true;
      LOG.info(
          "informer for {} synced: {} objects at revision {}", kind.plural(), items.size(), rv);
    }
  }

  /** Applies one watch event. Dispatch thread. */
  private void applyEvent(WatchEvent event) {
    ApiObject o = event.object();
    revision = parse(event.resourceVersion(), revision);
    switch (event.type()) {
      case BOOKMARK -> {}
      case ADDED, MODIFIED -> {
        ApiObject old = cache.get(o.namespace(), o.name()).orElse(null);
        if (old != null && !isNewer(o, old)) {
          return; // a later list page already showed this state (or a newer one)
        }
        cache.put(o);
        if (old == null) {
          notifyAdd(o);
        } else {
          notifyUpdate(old, o);
        }
      }
      case DELETED -> {
        ApiObject old = cache.remove(ObjectKey.of(o));
        if (old != null) {
          notifyDelete(o);
        }
      }
    }
  }

  private void resyncLoop(ResourceEventHandler handler, Duration period) {
    try {
      while (!stopped) {
        Thread.sleep(period);
        if (!started) {
          continue; // nothing cached yet; do not pile up tasks before the dispatcher runs
        }
        dispatcher.submit(
            () -> {
              if (!handlers.contains(handler)) {
                return;
              }
              for (ApiObject o : cache.list()) {
                call(handler, "onUpdate", () -> handler.onUpdate(o, o));
              }
            });
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  private void notifyAdd(ApiObject o) {
    for (ResourceEventHandler h : handlers) {
      call(h, "onAdd", () -> h.onAdd(o));
    }
  }

  private void notifyUpdate(ApiObject old, ApiObject o) {
    for (ResourceEventHandler h : handlers) {
      call(h, "onUpdate", () -> h.onUpdate(old, o));
    }
  }

  private void notifyDelete(ApiObject last) {
    for (ResourceEventHandler h : handlers) {
      call(h, "onDelete", () -> h.onDelete(last));
    }
  }

  /** A handler's failure is its own: log it and go on with the next handler and event. */
  private void call(ResourceEventHandler h, String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("{} handler {} failed in {}", kind.plural(), h, what, e);
    }
  }

  private static boolean isNewer(ApiObject a, ApiObject b) {
    long ra = parse(a.resourceVersion(), -1);
    long rb = parse(b.resourceVersion(), -1);
    return ra < 0 || rb < 0 || ra > rb;
  }

  private static long parse(String rv, long fallback) {
    if (rv == null) {
      return fallback;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
