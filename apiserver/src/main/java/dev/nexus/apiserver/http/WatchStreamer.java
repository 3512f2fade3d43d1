package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.registry.ResourceRegistry;
import dev.nexus.apiserver.registry.SharedEvents;
import dev.nexus.apiserver.registry.WatchOptions;
import dev.nexus.apiserver.registry.WatchSession;
import dev.nexus.metrics.Counter;
import dev.nexus.metrics.Gauge;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a watch as newline-delimited JSON frames {@code {"type":..,"object":..}}, flushed one by
 * one, on the request's own virtual thread. The session's bounded queue is fed by the store's
 * shared dispatcher; this thread only drains it, so a slow client costs its own queue and nothing
 * else. When the queue overflows (a slow client, or a catch-up burst from far behind), the store
 * drops that registration and this thread registers again after the last revision it wrote: the
 * client sees one uninterrupted stream, and memory stays bounded by the queue. While idle, a
 * BOOKMARK (when the client allows them) or a blank line (which JSON stream readers skip) goes out
 * every bookmark interval: that is also how a vanished client is noticed.
 *
 * <p>Several events may share a revision (one entry's operations or transactions). A stream this
 * server ends (timeout, shutdown, overflow, 410) always ends after the last event of a revision, so
 * a client that resumes after the last revision it saw misses nothing. Only a connection that
 * breaks mid-revision can leave a client with part of one; see docs/design/storage.md.
 */
final class WatchStreamer {
  private static final Logger LOG = LoggerFactory.getLogger(WatchStreamer.class);
  private static final byte[] KEEPALIVE = {'\n'};

  private final ResourceRegistry registry;
  private final Tables tables;
  private final Duration bookmarkInterval;
  private final int queueCapacity;
  private final Gauge openWatches;
  private final Counter resumes;
  private final Set<WatchSession> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  WatchStreamer(
      ResourceRegistry registry,
      Tables tables,
      Duration bookmarkInterval,
      int queueCapacity,
      Gauge openWatches,
      Counter resumes) {
    this.registry = registry;
    this.tables = tables;
    this.bookmarkInterval = bookmarkInterval;
    this.queueCapacity = queueCapacity;
    this.openWatches = openWatches;
    this.resumes = resumes;
  }

  void stream(
      ServerRequest req,
      ServerResponse res,
      KindInfo kind,
      String namespace,
      String name,
      QueryParams query) {
    WatchOptions options = query.watchOptions(queueCapacity);
    Duration timeout = query.timeout();
    boolean bookmarks = query.bool("allowWatchBookmarks");
    String tableVersion = Negotiation.tableVersion(req);
    String includeObject = query.text("includeObject");
    // Opening may fail (410, 400): nothing has been written yet, so the error handler answers.
    WatchSession session = registry.watch(kind, namespace, name, options);
    open.add(session);
    openWatches.inc();
    long deadline =
        timeout == null || timeout.isZero()
            ? Long.MAX_VALUE
            : System.nanoTime() + timeout.toNanos();
    RequestInfo.of(req).streamed(200);
    res.status(200);
    res.header(
        HeaderNames.CONTENT_TYPE,
        tableVersion == null ? Responses.JSON : Negotiation.tableContentType(tableVersion));
    String what = kind.plural() + (namespace == null ? "" : " in " + namespace);
    try (OutputStream out = res.outputStream()) {
      out.flush(); // headers now: clients wait for them before reading events
      boolean initialEndPending = session.initialEventsEndBookmark();
      while (true) {
        if (initialEndPending && !session.hasInitial()) {
          write(out, bookmark(kind, session.lastRevision(), true));
          initialEndPending = false;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 && !session.midRevision()) {
          break; // never inside a revision: the client resumes after the last one it saw
        }
        long waitNanos = Math.max(0, Math.min(left, bookmarkInterval.toNanos()));
        SharedEvents.Decoded event = session.next(waitNanos, TimeUnit.NANOSECONDS);
        if (event != null) {
          write(out, frame(event, kind, tableVersion, includeObject));
          continue;
        }
        WatchSession.End end = session.end();
        if (end == WatchSession.End.OVERFLOW && !closing) {
          // This client fell behind by a full queue. Everything up to lastRevision has been
          // written; pick up from there with a fresh registration, so catching up proceeds one
          // queue at a time and memory stays bounded however far behind the client is.
          WatchSession next = resume(session, kind, namespace, name, options);
          if (next == null) {
            write(out, gone("the watch fell behind the retained history"));
            break;
          }
          session = next;
          continue;
        }
        if (end == WatchSession.End.STORE_CLOSED) {
          write(out, gone(session.endReason()));
          break;
        }
        if (end != null) {
          LOG.debug("watch of {} ended: {}", what, session.endReason());
          break;
        }
        if (System.nanoTime() - deadline >= 0) {
          break;
        }
        write(out, bookmarks ? bookmark(kind, session.bookmarkRevision(), false) : KEEPALIVE);
      }
    } catch (ClientGone e) {
      LOG.debug("watch of {}: the client went away", what);
    } catch (IOException | RuntimeException e) {
      // Closing the stream of a vanished client fails too; that is the same expected event.
      LOG.debug("watch of {} ended with {}", what, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      session.close();
      open.remove(session);
      openWatches.dec();
    }
  }

  /** A new session after {@code old}'s last revision, or null when that is no longer retained. */
  private WatchSession resume(
      WatchSession old, KindInfo kind, String namespace, String name, WatchOptions options) {
    old.close();
    open.remove(old);
    resumes.inc();
    try {
      WatchSession next =
          registry.watch(kind, namespace, name, options.resumeAfter(old.lastRevision()));
      open.add(next);
      return next;
    } catch (ApiException e) {
      if (e.code() == 410) {
        return null;
      }
      throw e;
    }
  }

  /** Ends every open watch (server shutdown): each stream completes normally. */
  void closeAll() {
    closing = true;
    List.copyOf(open).forEach(WatchSession::close);
  }

  int openCount() {
    return open.size();
  }

  private byte[] frame(
      SharedEvents.Decoded event, KindInfo kind, String tableVersion, String includeObject) {
    if (tableVersion == null) {
      return event.jsonLine();
    }
    ObjectNode table =
        tables.table(
            tableVersion,
            kind,
            List.of(event.object()),
            Long.toString(event.revision()),
            null,
            includeObject);
    return SharedEvents.Decoded.frame(event.type(), table);
  }

  private static byte[] bookmark(KindInfo kind, long revision, boolean initialEventsEnd) {
    ObjectNode obj = JsonNodeFactory.instance.objectNode();
    obj.put("apiVersion", kind.apiVersion());
    obj.put("kind", kind.kind());
    ObjectNode meta = obj.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    if (initialEventsEnd) {
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    return SharedEvents.Decoded.frame("BOOKMARK", obj);
  }

  private static byte[] gone(String reason) {
    Status status =
        new Status(
            410,
            "Expired",
            "the watch was ended by the server ("
                + reason
                + "); list again and watch from the list's resourceVersion",
            null);
    return SharedEvents.Decoded.frame("ERROR", StatusBodies.toJson(status));
  }

  private static void write(OutputStream out, byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException | RuntimeException e) {
      throw new ClientGone(e);
    }
  }

  /** Writing failed: the client closed the connection. */
  private static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone(Throwable cause) {
      super(cause);
    }
  }
}
