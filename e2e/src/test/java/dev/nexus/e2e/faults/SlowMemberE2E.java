package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.e2e.cluster.Backends;
import dev.nexus.e2e.cluster.ClusterSpec;
import dev.nexus.e2e.cluster.ClusterUnderTest;
import dev.nexus.e2e.cluster.MemberProbe;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5: one follower's every packet is delayed by 200 ms (a netem-style delay on its
 * interface). Writes need a majority, and the leader and the other follower are one, so write
 * throughput and latency stay close to what they were without the delay; the leader does not
 * change; once the delay is gone the slow member holds the same objects as the others.
 */
class SlowMemberE2E {
  static final Duration DELAY = Duration.ofMillis(200);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @RegisterExtension HistoryKeeper history = new HistoryKeeper();

  @Test
  void aSlowFollowerDoesNotStallTheCluster() {
    try (ClusterUnderTest cluster = Backends.open(ClusterSpec.of(3), dir)) {
      cluster.startAll();
      Waits.allReady(cluster);
      String leader = Waits.leader(cluster, cluster.ids());
      String slow = cluster.ids().stream().filter(id -> !id.equals(leader)).findFirst().get();
      String other =
          cluster.ids().stream()
              .filter(id -> !id.equals(leader) && !id.equals(slow))
              .findFirst()
              .get();
      // Every client uses the leader first and the slow member last: what is measured is the
      // group's commit path, not a client's own round trips to the slow member.
      List<URI> order =
          List.of(cluster.apiUrl(leader), cluster.apiUrl(other), cluster.apiUrl(slow));
      try (RegisterLoad load = new RegisterLoad(history.recorder(), order, 4, 3, false)) {
        load.start();
        Waits.progress(load, 30, Duration.ofSeconds(30));
        Soak soak = Soak.start();
        while (soak.another()) {
          Duration window = Soak.phase(Duration.ofSeconds(8));
          WriteStats without = measure(cluster, leader, load, window);

          cluster.delay(slow, DELAY);
          long rtt = roundTripMs(cluster.apiUrl(slow));
          WriteStats with = measure(cluster, leader, load, window);
          cluster.clearDelay(slow);

          System.out.printf(
              "SlowMemberE2E [%s]: %s delayed by %d ms (HTTP round trip to it %d ms); writes"
                  + " without: %s; with: %s%n",
              cluster.backend(), slow, DELAY.toMillis(), rtt, without, with);
          assertThat(rtt).as("round trip to the delayed member, ms").isGreaterThanOrEqualTo(190);
          assertThat(with.perSecond())
              .as("write throughput with a slow follower vs without (%s / %s)", with, without)
              .isGreaterThanOrEqualTo(without.perSecond() * 0.5);
          assertThat(with.p50Ms())
              .as("median write latency with a slow follower (%s; without: %s)", with, without)
              .isLessThan(Math.max(2 * without.p50Ms() + 50, 150));
        }
        load.stop();
        Converged.everywhere(cluster, cluster.ids(), load.acknowledged());
        load.finalReads(cluster.apiUrls());
      }
      history.assertLinearizable("SlowMemberE2E");
    }
  }

  /** Write stats over {@code window}, during which the leader must stay {@code leader}. */
  private WriteStats measure(
      ClusterUnderTest cluster, String leader, RegisterLoad load, Duration window) {
    long from = System.nanoTime();
    await("the leader stays " + leader + " for " + window)
        .during(window)
        .atMost(window.plusSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> MemberProbe.leaderSeenBy(cluster.apiUrl(leader)).orElse("").equals(leader));
    return WriteStats.of(history.recorder().history(), from, System.nanoTime());
  }

  private static long roundTripMs(URI member) {
    long start = System.nanoTime();
    assertThat(MemberProbe.get(member, "/healthz")).as("the delayed member answers").isPresent();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
