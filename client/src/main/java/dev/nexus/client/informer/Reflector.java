package dev.nexus.client.informer;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.GoneException;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.ObjectList;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import dev.nexus.client.internal.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an informer: lists every object of the kind in pages, then watches from the list's revision
 * with {@link NexusClient#watchForever} (which resumes dropped connections itself). When the
 * watch's revision is gone (410) it lists again at once; when listing or watching fails otherwise
 * it retries with backoff. Runs on one virtual thread until {@link #stop()}.
 */
final class Reflector {
  private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);

  /** What the reflector hands over, in order. */
  interface Sink {
    /** A complete list of the kind at {@code revision}. */
    void onList(List<ApiObject> items, String revision);

    void onEvent(WatchEvent event);
  }

  private final NexusClient client;
  private final KindInfo kind;
  private final int pageSize;
  private final Sink sink;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private volatile Watch watch;
  private volatile Thread thread;

  Reflector(NexusClient client, KindInfo kind, int pageSize, Sink sink) {
    this.client = client;
    this.kind = kind;
    this.pageSize = pageSize;
    this.sink = sink;
  }

  void start() {
    thread = Thread.ofVirtual().name("informer-reflector-" + kind.plural()).start(this::run);
  }

  void stop() {
    stopped.countDown();
    Watch w = watch;
    if (w != null) {
      w.close();
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  private boolean isStopped() {
    return stopped.getCount() == 0;
  }

  private void run() {
    while (!isStopped()) {
      try {
        ObjectList list = listAll();
        sink.onList(list.items(), list.resourceVersion());
        LOG.debug(
            "listed {} {} at revision {}",
            list.items().size(),
            kind.plural(),
            list.resourceVersion());
        Exception end = watchFrom(list.resourceVersion());
        if (isStopped()) {
          return;
        }
        if (end instanceof GoneException) {
          backoff.reset();
          LOG.info("{}: watch revision compacted away; listing again", kind.plural());
          continue;
        }
        throw end == null ? new IllegalStateException("watch ended without a reason") : end;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (isStopped()) {
          return;
        }
        Duration delay = backoff.next();
        LOG.warn(
            "informer for {}: {}; listing again in {} ms",
            kind.plural(),
            e.getMessage(),
            delay.toMillis());
        try {
          if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** Every page; the revision is the first page's, so watching from it misses nothing. */
  private ObjectList listAll() {
    List<ApiObject> items = new ArrayList<>();
    ListOptions options = ListOptions.none().withLimit(pageSize);
    String revision = null;
    while (true) {
      ObjectList page = client.list(kind, null, options);
      items.addAll(page.items());
      revision = revision == null ? page.resourceVersion() : revision;
      if (!page.hasMore()) {
        return new ObjectList(items, revision, null);
      }
      options = options.withContinue(page.continueToken());
    }
  }

  /** Watches until the watch ends; returns why (null only when stopped). */
  private Exception watchFrom(String revision) throws InterruptedException {
    CompletableFuture<Exception> end = new CompletableFuture<>();
    watch =
        client.watchForever(
            kind,
            null,
            revision,
            new WatchListener() {
              @Override
              public void onEvent(WatchEvent event) {
                backoff.reset();
                sink.onEvent(event);
              }

              @Override
              public void onClose(Exception error) {
                end.complete(error);
              }
            });
    if (isStopped()) {
      watch.close();
    }
    try {
      return end.get();
    } catch (ExecutionException e) {
      return (Exception) e.getCause();
    }
  }
}
