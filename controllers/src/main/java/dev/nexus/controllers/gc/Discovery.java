package dev.nexus.controllers.gc;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the collector's kinds in step with what the server serves: a kind that appears (a new CRD)
 * gets an informer and a controller; when a kind stops being served (its CRD deleted), its objects
 * are gone with it, so their dependents are looked at. Asking the server is rate-limited, since
 * every dependent naming an unknown kind asks.
 */
final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  static final Duration MIN_INTERVAL = Duration.ofMillis(500);

  private final NexusClient client;
  private final TrackedKinds kinds;
  private final Consumer<KindInfo> addKind;
  private long lastNanos;

  Discovery(NexusClient client, TrackedKinds kinds, Consumer<KindInfo> addKind) {
    this.client = client;
    this.kinds = kinds;
    this.addKind = addKind;
  }

  /** Asks the server unless it was asked less than {@link #MIN_INTERVAL} ago. */
  synchronized void refresh() {
    long now = System.nanoTime();
    if (lastNanos != 0 && now - lastNanos < MIN_INTERVAL.toNanos()) {
      return;
    }
    refreshNow();
  }

  /**
   * Asks the server whatever the rate limit says. A CRD that changed must be looked at now: a
   * skipped look would leave a deleted kind's dependents until the next periodic rediscovery.
   */
  synchronized void refreshNow() {
    lastNanos = System.nanoTime();
    apply(client.discover());
  }

  /** Tracks {@code served} and forgets what is no longer served. */
  synchronized void apply(List<KindInfo> served) {
    Set<String> keys = new HashSet<>();
    for (KindInfo k : served) {
      keys.add(TrackedKinds.key(k));
      if (!kinds.contains(k)) {
        LOG.info("garbage collector: now collecting {} ({})", k.plural(), k.apiVersion());
        addKind.accept(k);
      }
    }
    for (TrackedKinds.Tracked gone : kinds.serve(keys)) {
      LOG.info("garbage collector: {} are no longer served", gone.kind().plural());
      for (ApiObject o : gone.cache().list()) {
        kinds.enqueueDependents(o);
      }
    }
  }
}
