package dev.nexus.client.informer;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.client.NexusClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes one {@link SharedInformer} per kind and shares it: every caller asking for the same kind
 * gets the same instance, so several controllers in one process share one list, one watch and one
 * cache. Thread-safe.
 */
public final class SharedInformerFactory implements AutoCloseable {
  /** Objects per list page when an informer lists. */
  static final int PAGE_SIZE = 500;

  private final NexusClient client;
  private final Map<String, DefaultSharedInformer> informers = new LinkedHashMap<>();
  private boolean started;
  private boolean closed;

  public SharedInformerFactory(NexusClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The informer of {@code kind} across all namespaces; the same instance every time for the same
   * kind (by group, version and kind). Started at once if the factory already was.
   */
  public synchronized SharedInformer informer(KindInfo kind) {
    if (closed) {
      throw new IllegalStateException("the informer factory is closed");
    }
    String key = kind.apiVersion() + "/" + kind.kind();
    DefaultSharedInformer informer = informers.get(key);
    if (informer == null) {
      informer = new DefaultSharedInformer(client, kind, PAGE_SIZE);
      informers.put(key, informer);
      if (started) {
        informer.start();
      }
    }
    return informer;
  }

  /** Starts the informers made so far; informers made later start as they are made. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the informer factory is closed");
    }
    started = true;
    informers.values().forEach(DefaultSharedInformer::start);
  }

  /**
   * Waits until every informer made so far has synced (its first list delivered to handlers).
   *
   * @return false when {@code timeout} passed first
   */
  public boolean waitForSync(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<DefaultSharedInformer> all;
    synchronized (this) {
      all = new ArrayList<>(informers.values());
    }
    long pause = 5;
    for (DefaultSharedInformer i : all) {
      while (!i.hasSynced()) {
        if (System.nanoTime() - deadline >= 0) {
          return false;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
        pause = Math.min(pause * 2, 100);
      }
    }
    return true;
  }

  /** Stops every informer (their watches close, their threads end); the client stays open. */
  @Override
  public synchronized void close() {
    closed = true;
    informers.values().forEach(DefaultSharedInformer::stop);
  }
}
