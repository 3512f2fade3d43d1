package dev.nexus.apiserver.storage.raft;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ratis.server.RaftServer;

/**
 * Whether this replica can serve, and if not, why. A replica is ready once a leader is known, a
 * leader has applied its first entry of the term, and the replica has caught up: on a follower that
 * means having applied what the leader had applied when the follower first learned of it (a
 * restarted or newly added member may be far behind, and its own commit index only covers the
 * entries it already holds), within {@code readyMaxLag} entries. Once caught up, it stays ready
 * while a leader is known and it is at most {@code readyMaxLag} entries behind its commit index.
 */
final class Readiness {
  /** How long one question to the leader may take before it is asked again. */
  private static final java.time.Duration ASK_TIMEOUT = java.time.Duration.ofSeconds(3);

  private final RaftServer.Division division;
  private final StoreStateMachine stateMachine;
  private final RaftGateway gateway;
  private final long maxLag;
  private final AtomicBoolean asking = new AtomicBoolean();
  private volatile long target = -1; // the leader's applied index learned at start, -1 until then
  private volatile boolean caughtUp;

  Readiness(
      RaftServer.Division division,
      StoreStateMachine stateMachine,
      RaftGateway gateway,
      long maxLag) {
    this.division = division;
    this.stateMachine = stateMachine;
    this.gateway = gateway;
    this.maxLag = maxLag;
  }

  /** Null when ready; otherwise a short reason for {@code /readyz} and 503 answers. */
  String notReadyReason() {
    var info = division.getInfo();
    if (info.getLeaderId() == null) {
      return division.getRaftConf().getCurrentPeers().isEmpty()
          ? "no leader (waiting to be added to the group)"
          : "no leader";
    }
    if (info.isLeader() && !info.isLeaderReady()) {
      return "no leader (elected, applying its first entry of the term)";
    }
    long applied = stateMachine.appliedIndex();
    if (!caughtUp) {
      if (info.isLeader()) {
        caughtUp = true; // a ready leader has applied its own term's first entry
      } else {
        long t = target;
        if (t < 0) {
          askLeader();
          return "catching up: asking leader " + info.getLeaderId() + " for its commit index";
        }
        if (applied < t - maxLag) {
          return "catching up: applied " + applied + " of leader commit " + t;
        }
        caughtUp = true;
      }
    }
    long committed = division.getRaftLog().getLastCommittedIndex();
    if (applied < committed - maxLag) {
      return "catching up: applied " + applied + " of commit " + committed;
    }
    return null;
  }

  /** One question at a time; a failed one (the leader just died) is asked again next time. */
  private void askLeader() {
    if (!asking.compareAndSet(false, true)) {
      return;
    }
    gateway
        .leaderAppliedIndexEstimate()
        // An answer that never comes (a leader gone mid-question) must not stop the asking.
        .orTimeout(ASK_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .whenComplete(
            (index, error) -> {
              if (error == null) {
                target = index;
              }
              asking.set(false);
            });
  }
}
