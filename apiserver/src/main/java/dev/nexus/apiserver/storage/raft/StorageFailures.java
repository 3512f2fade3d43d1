package dev.nexus.apiserver.storage.raft;

import dev.nexus.api.error.ApiException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.RaftException;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure of a request into the Raft group into the error its caller's user sees. */
final class StorageFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StorageFailures.class);

  /** The answer when this member cannot get a write or read index through to a leader. */
  static final String NO_LEADER =
      "this member has lost contact with the leader (no quorum): retry on another member";

  private StorageFailures() {}

  /**
   * What a failed request tells the user: never a Ratis class name, which says nothing to them, but
   * what happened and what to do. Failures that mean this member cannot reach a leader (its client
   * gave up or was closed after failed retries, no leader answered, every member refused the
   * connection) say so and point to another member; the Ratis detail goes to the server log.
   */
  static ApiException of(String what, Throwable cause) {
    Throwable t =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof StateMachineException && t.getCause() instanceof ApiException api) {
      return api;
    }
    if (has(t, AlreadyClosedException.class)
        || has(t, RaftRetryFailureException.class)
        || has(t, NotLeaderException.class)
        || has(t, LeaderNotReadyException.class)
        || has(t, java.net.ConnectException.class)) {
      LOG.debug("{} failed: no leader reachable", what, t);
      return ApiException.unavailable(NO_LEADER);
    }
    if (has(t, java.util.concurrent.TimeoutException.class) || has(t, TimeoutIOException.class)) {
      LOG.debug("{} timed out", what, t);
      return ApiException.unavailable(
          "storage could not complete the "
              + what
              + " in time: no majority of the members answered;"
              + " retry");
    }
    if (t instanceof RaftException || t instanceof IOException) {
      LOG.warn("{} failed", what, t);
      return ApiException.unavailable(
          "storage could not complete the " + what + " (the server log has the cause); retry");
    }
    LOG.error("{} failed", what, t);
    String detail =
        t == null || t.getClass().getName().startsWith("org.apache.ratis.")
            ? "see the server log"
            : t.getClass().getSimpleName() + ": " + t.getMessage();
    return ApiException.internal("storage failed the " + what + ": " + detail);
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
