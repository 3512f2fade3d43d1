package dev.nexus.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.apiserver.registry.Keys;
import dev.nexus.apiserver.registry.StoredObjects;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link CustomKinds} equal to the CRDs in the store: a list at {@link #start}, then a watch
 * from the list's revision; after a lost watch, list and watch again. Events are applied on one
 * thread of their own, in order (the store's dispatcher must not block). CRDs being deleted, or
 * gone, are handed to {@link CrdCleanup}.
 */
public final class CrdSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrdSync.class);
  static final String PREFIX = Keys.prefix(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, null);

  private final Store store;
  private final CustomKinds kinds;
  private final CrdCleanup cleanup;
  private final ExecutorService applier =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("crd-sync").factory());
  private volatile WatchRegistration watch;
  private volatile boolean closed;

  public CrdSync(Store store, CustomKinds kinds) {
    this.store = store;
    this.kinds = kinds;
    this.cleanup = new CrdCleanup(store);
  }

  /** Serves the stored CRDs (before returning) and follows changes to them from then on. */
  public void start() {
    listAndWatch();
  }

  /**
   * Reads the CRDs again, linearizably, so a CRD written through another replica is served before a
   * request for its kind is refused.
   */
  public void refresh() {
    list();
  }

  /** A CRD as this replica just wrote it (with its resourceVersion), or as deleted. */
  public void observe(ObjectNode crd, boolean gone) {
    long revision = crd.path("metadata").path("resourceVersion").asLong();
    String name = crd.path("metadata").path("name").asText();
    apply(name, revision, gone ? null : crd, gone ? crd : null);
  }

  private synchronized void listAndWatch() {
    if (closed) {
      return;
    }
    WatchRegistration old = watch;
    if (old != null) {
      old.close();
    }
    long revision = list();
    watch = store.watch(PREFIX, revision, e -> true, new Sink());
  }

  private long list() {
    Set<String> seen = new HashSet<>();
    String after = null;
    long revision;
    while (true) {
      ListPage page = store.list(PREFIX, after, 500, Consistency.LINEARIZABLE);
      revision = page.revision();
      for (StoredObject item : page.items()) {
        ObjectNode crd = StoredObjects.decode(item);
        String name = item.key().substring(PREFIX.length());
        seen.add(name);
        apply(name, item.modRevision(), crd, null);
        after = item.key();
      }
      if (!page.more()) {
        break;
      }
    }
    for (String name : kinds.crdNames()) {
      if (!seen.contains(name)) {
        kinds.apply(name, revision, null);
      }
    }
    return revision;
  }

  private void apply(String name, long revision, JsonNode crd, JsonNode deleted) {
    kinds.apply(name, revision, crd);
    if (crd != null && CustomResourceDefinitions.terminating(crd)) {
      cleanup.schedule(crd, true);
    } else if (crd == null && deleted != null) {
      cleanup.schedule(deleted, false);
    }
  }

  private void onEvent(WatchEvent event) {
    String name = event.key().substring(PREFIX.length());
    ObjectNode value = StoredObjects.decode(event.value(), event.revision());
    boolean gone = event.type() == WatchEvent.Type.DELETED;
    apply(name, event.revision(), gone ? null : value, gone ? value : null);
  }

  @Override
  public synchronized void close() {
    closed = true;
    WatchRegistration w = watch;
    if (w != null) {
      w.close();
    }
    applier.shutdownNow();
  }

  private final class Sink implements WatchSink {
    @Override
    public boolean offer(WatchEvent event) {
      if (closed) {
        return false;
      }
      return submit(() -> safely(() -> onEvent(event)));
    }

    @Override
    public void closed(String reason) {
      if (!closed) {
        LOG.info("the CRD watch ended ({}); listing CRDs again", reason);
        submit(() -> safely(CrdSync.this::listAndWatch));
      }
    }

    private boolean submit(Runnable r) {
      try {
        applier.execute(r);
        return true;
      } catch (RejectedExecutionException e) {
        return false; // closing
      }
    }

    private void safely(Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("following CustomResourceDefinitions failed: {}", e.toString());
        if (!closed) {
          // Storage trouble: try again in a second rather than spinning.
          Executor later = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
          later.execute(() -> submit(() -> safely(CrdSync.this::listAndWatch)));
        }
      }
    }
  }
}
