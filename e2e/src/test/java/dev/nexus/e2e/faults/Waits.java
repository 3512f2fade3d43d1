package dev.nexus.e2e.faults;

import static org.awaitility.Awaitility.await;

import dev.nexus.e2e.cluster.ClusterUnderTest;
import dev.nexus.e2e.cluster.MemberProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Waiting for the cluster to reach a state, with the members' logs in the failure message. */
final class Waits {
  private Waits() {}

  static void ready(ClusterUnderTest cluster, List<String> ids, Duration atMost) {
    await("members " + ids + " ready (" + cluster.backend() + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .failFast(
            "a member process exited", () -> ids.stream().anyMatch(id -> !cluster.running(id)))
        .until(() -> ids.stream().allMatch(id -> MemberProbe.ready(cluster.apiUrl(id))));
  }

  static void allReady(ClusterUnderTest cluster) {
    try {
      ready(cluster, cluster.ids(), Duration.ofSeconds(120));
    } catch (Throwable e) {
      throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
    }
  }

  /** The leader every running member among {@code ids} agrees on. */
  static String leader(ClusterUnderTest cluster, List<String> ids) {
    AtomicReference<String> leader = new AtomicReference<>();
    await("a leader all of " + ids + " agree on")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<Optional<String>> seen =
                  ids.stream().map(id -> MemberProbe.leaderSeenBy(cluster.apiUrl(id))).toList();
              if (seen.stream().allMatch(Optional::isPresent)
                  && seen.stream().map(Optional::get).distinct().count() == 1) {
                leader.set(seen.getFirst().get());
                return true;
              }
              return false;
            });
    return leader.get();
  }

  /** Waits until {@code load} has {@code more} successful writes beyond what it had. */
  static void progress(RegisterLoad load, int more, Duration atMost) {
    long target = load.okWrites() + more;
    await("the load to complete " + more + " more writes")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> load.okWrites() >= target);
  }
}
