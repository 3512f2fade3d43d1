package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.e2e.cluster.Backends;
import dev.nexus.e2e.cluster.ClusterSpec;
import dev.nexus.e2e.cluster.ClusterUnderTest;
import dev.nexus.e2e.cluster.MemberProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: kill -9 of the leader of three members while four clients write; a new leader within
 * 2 s, the survivors taking writes again within 10 s (20 more acknowledged), no acknowledged write
 * lost, the recorded history linearizable.
 */
class LeaderKillE2E {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @RegisterExtension HistoryKeeper history = new HistoryKeeper();

  @Test
  void killingTheLeaderUnderLoadElectsANewOneWithinTwoSecondsAndLosesNothing() {
    try (ClusterUnderTest cluster = Backends.open(ClusterSpec.of(3), dir);
        RegisterLoad load = new RegisterLoad(history.recorder(), cluster.apiUrls(), 4, 3)) {
      cluster.startAll();
      Waits.allReady(cluster);
      load.start();
      Soak soak = Soak.start();
      List<Long> elections = new ArrayList<>();
      List<Long> resumed = new ArrayList<>();
      while (soak.another()) {
        Waits.progress(load, 20, Duration.ofSeconds(30));
        String leader = Waits.leader(cluster, cluster.ids());
        List<String> survivors = cluster.ids().stream().filter(id -> !id.equals(leader)).toList();
        long killedAt = System.nanoTime();
        cluster.kill(leader);
        String next = newLeader(cluster, survivors, leader);
        long electedMs = (System.nanoTime() - killedAt) / 1_000_000;
        // The survivors must take writes again soon after the election, also when the leader's
        // host vanished (a container: connects to its address hang instead of being refused).
        // The waiting bound is wider than the assertion so that a failure reports the figure.
        Waits.progress(load, 20, Duration.ofSeconds(60));
        long resumedMs = (System.nanoTime() - killedAt) / 1_000_000;
        elections.add(electedMs);
        resumed.add(resumedMs);
        System.out.printf(
            "LeaderKillE2E [%s]: kill -9 %s; %s elected after %d ms; 20 more writes by %d ms%n",
            cluster.backend(), leader, next, electedMs, resumedMs);
        assertThat(electedMs).as("ms from kill -9 of the leader to a new leader").isLessThan(2000);
        assertThat(resumedMs)
            .as("ms from kill -9 of the leader to 20 more acknowledged writes")
            .isLessThan(10_000);
        cluster.start(leader);
        Waits.ready(cluster, cluster.ids(), Duration.ofSeconds(90));
      }
      load.stop();
      System.out.printf(
          "LeaderKillE2E: elections took %s ms; 20 writes done after %s ms%n", elections, resumed);
      Converged.everywhere(cluster, cluster.ids(), load.acknowledged());
      assertThat(load.acknowledged()).hasSizeGreaterThan(5);
      load.finalReads(cluster.apiUrls());
      history.assertLinearizable("LeaderKillE2E");
    }
  }

  /** Polls the survivors until one of them reports a leader other than the killed one. */
  static String newLeader(ClusterUnderTest cluster, List<String> survivors, String old) {
    String[] found = new String[1];
    await("a new leader among " + survivors)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              for (String id : survivors) {
                Optional<String> seen = MemberProbe.leaderSeenBy(cluster.apiUrl(id));
                if (seen.isPresent() && !seen.get().equals(old) && survivors.contains(seen.get())) {
                  found[0] = seen.get();
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }
}
