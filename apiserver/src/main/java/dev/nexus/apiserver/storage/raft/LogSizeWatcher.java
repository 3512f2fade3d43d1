package dev.nexus.apiserver.storage.raft;

import java.io.File;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.SnapshotManagementRequest;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Raft log on disk bounded by bytes as well as by entries. Ratis triggers snapshots only
 * by entry count, and entries vary from a few bytes to 8 MiB, so this checks the size of the log
 * segments twice a second and, while it exceeds {@code maxBytes}, asks this member's server for a
 * snapshot. The first request starts a background LMDB copy ({@link SnapshotKeeper#take} returns
 * "none yet"); the next one, once the copy is done, records it, and Ratis then purges the closed
 * segments up to it (and up to what every member has committed). Every member runs one: each has
 * its own log.
 */
final class LogSizeWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogSizeWatcher.class);

  private final RaftServer server;
  private final RaftServer.Division division;
  private final long maxBytes;
  private final Duration timeout;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("nexus-log-size").daemon().factory());
  private volatile boolean asking;

  LogSizeWatcher(
      RaftServer server,
      RaftServer.Division division,
      long maxBytes,
      Duration interval,
      Duration timeout) {
    this.server = server;
    this.division = division;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    timer.scheduleWithFixedDelay(
        this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Bytes in the log segment files now (open segment included, as preallocated). */
  long logBytes() {
    File[] files = division.getRaftStorage().getStorageDir().getCurrentDir().listFiles();
    long total = 0;
    if (files != null) {
      for (File f : files) {
        if (f.getName().startsWith("log_")) {
          total += f.length();
        }
      }
    }
    return total;
  }

  /** Snapshot requests sent because the log was too large. */
  long requests() {
    return requests.get();
  }

  private void check() {
    try {
      long bytes = logBytes();
      if (bytes <= maxBytes || asking) {
        return;
      }
      asking = true;
      requests.incrementAndGet();
      LOG.debug("raft log holds {} bytes (limit {}): asking for a snapshot", bytes, maxBytes);
      // creationGap 1: Ratis would otherwise skip the request when fewer than its gap of entries
      // were applied since the copy this watcher started, and the copy would never be recorded.
      server
          .snapshotManagementAsync(
              SnapshotManagementRequest.newCreate(
                  clientId,
                  server.getId(),
                  division.getGroup().getGroupId(),
                  callIds.incrementAndGet(),
                  timeout.toMillis(),
                  1))
          .whenComplete(
              (reply, error) -> {
                asking = false;
                if (error != null || (reply != null && !reply.isSuccess())) {
                  LOG.debug(
                      "snapshot request failed: {}",
                      error != null ? error.toString() : reply.getException());
                }
              });
    } catch (RuntimeException e) {
      asking = false;
      LOG.warn("checking the raft log size failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
