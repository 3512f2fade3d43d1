package dev.nexus.client.internal;

import dev.nexus.api.error.ApiException;
import dev.nexus.client.ConnectionException;
import dev.nexus.client.GoneException;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch that outlives its connections: one supervising virtual thread opens a stream from the
 * last revision delivered, waits for it to end, and opens the next one (at once when the server
 * ended it cleanly, after a backoff when the connection failed or the server answered 429/5xx). A
 * resumed stream asks for everything after the last revision delivered, and events at or below that
 * revision are dropped, so nothing repeats. (Several events may share a revision; the server ends
 * its streams only between revisions, so only a connection torn in the middle of one revision can
 * lose the rest of it; docs/design/storage.md.) It ends on {@link #close()}, on 410 (after {@link
 * WatchListener#onGone()}), and on any other refusal (400, 403, 404: retrying would not help),
 * always with one {@code onClose}.
 */
public final class ResumingWatch implements Watch {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingWatch.class);

  private final BiFunction<String, WatchListener, Watch> open;
  private final WatchListener listener;
  private final String describe;
  private final Backoff backoff;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread supervisor;
  private volatile String lastRevision;
  private volatile Watch current;
  private volatile boolean ended;
  private volatile long lastActivity;
  private volatile boolean delivered;
  private final Duration idleTimeout;

  /**
   * Starts watching at once.
   *
   * @param open opens one stream from a revision, delivering to a listener
   * @param fromRevision the first stream's starting revision (not null: resuming needs one)
   * @param idleTimeout a stream that delivers nothing, not even a bookmark, for this long is taken
   *     for dead and replaced
   */
  public ResumingWatch(
      BiFunction<String, WatchListener, Watch> open,
      String fromRevision,
      WatchListener listener,
      String describe,
      Duration backoffBase,
      Duration backoffMax,
      Duration idleTimeout) {
    this.open = open;
    this.idleTimeout = idleTimeout;
    this.listener = listener;
    this.describe = describe;
    this.lastRevision = fromRevision;
    this.backoff = new Backoff(backoffBase, backoffMax);
    this.supervisor = Thread.ofVirtual().name("nexus-watch-forever").unstarted(this::run);
    supervisor.start();
  }

  /** The revision of the last event (or bookmark) delivered, where a resume would start. */
  public String lastRevision() {
    return lastRevision;
  }

  @Override
  public boolean isOpen() {
    return !ended;
  }

  @Override
  public void close() {
    closed.countDown();
    Watch w = current;
    if (w != null) {
      w.close();
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  private void run() {
    Exception end = null;
    try {
      while (!isClosed()) {
        Exception error = oneStream();
        if (isClosed()) {
          break;
        }
        if (error == null && delivered) {
          continue; // the server ended a working stream (timeout, overflow): resume at once
        }
        if (error == null) {
          // Ended before delivering anything: back off rather than spin on a server that keeps
          // closing streams at once (shutting down, or a proxy in the way).
          error = new ConnectionException("watch " + describe + " ended before any event", null);
        }
        if (error instanceof GoneException gone) {
          LOG.info(
              "watch {} from revision {} is gone: {}", describe, lastRevision, gone.getMessage());
          listener.onGone();
          end = gone;
          break;
        }
        if (!retryable(error)) {
          end = error;
          break;
        }
        Duration delay = backoff.next();
        LOG.warn(
            "watch {} broke at revision {} ({}); reconnecting in {} ms (attempt {})",
            describe,
            lastRevision,
            error.getMessage(),
            delay.toMillis(),
            backoff.attempts());
        if (closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      end = e; // the listener's own failure ends the watch and is reported as it is
    } finally {
      ended = true;
      listener.onClose(end);
    }
  }

  /** Runs one stream to its end; returns why it ended (null: cleanly). */
  private Exception oneStream() throws InterruptedException {
    CompletableFuture<Exception> streamEnd = new CompletableFuture<>();
    delivered = false;
    try {
      current = open.apply(lastRevision, new Forwarder(lastRevision, streamEnd));
    } catch (ApiException e) {
      return e;
    }
    if (isClosed()) {
      current.close();
    }
    lastActivity = System.nanoTime();
    try {
      while (true) {
        try {
          return streamEnd.get(idleTimeout.toMillis() / 4 + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (System.nanoTime() - lastActivity > idleTimeout.toNanos()) {
            // The server sends a bookmark every few seconds; silence this long means a dead peer
            // (a half-open TCP connection never errors on its own).
            current.close();
            return new ConnectionException(
                "watch " + describe + ": nothing received for " + idleTimeout.toSeconds() + " s",
                null);
          }
        }
      }
    } catch (ExecutionException e) {
      return new ConnectionException("watch " + describe + " failed", e.getCause());
    }
  }

  private static boolean retryable(Exception e) {
    if (e instanceof ConnectionException) {
      return true;
    }
    return e instanceof ApiException api && (api.code() == 429 || api.code() >= 500);
  }

  /** Delivers one stream's new events and records how far they got. */
  private final class Forwarder implements WatchListener {
    private final String floor;
    private final CompletableFuture<Exception> streamEnd;

    Forwarder(String floor, CompletableFuture<Exception> streamEnd) {
      this.floor = floor;
      this.streamEnd = streamEnd;
    }

    @Override
    public void onEvent(WatchEvent event) {
      lastActivity = System.nanoTime();
      delivered = true; // bookmarks count: the stream works
      String rv = event.resourceVersion();
      if (rv != null && !isAfter(rv, floor)) {
        return; // already delivered by the previous stream
      }
      if (event.type() != WatchEvent.Type.BOOKMARK) {
        backoff.reset(); // a stream that delivers is a healthy one
      }
      listener.onEvent(event);
      if (rv != null) {
        lastRevision = rv;
      }
    }

    @Override
    public void onClose(Exception error) {
      streamEnd.complete(error);
    }
  }

  /** Whether revision {@code a} comes after {@code b}; non-numeric revisions always do. */
  static boolean isAfter(String a, String b) {
    if (b == null) {
      return true;
    }
    try {
      return Long.parseLong(a) > Long.parseLong(b);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
