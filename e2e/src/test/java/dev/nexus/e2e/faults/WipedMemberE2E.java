package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.client.NexusClient;
import dev.nexus.e2e.cluster.Backends;
import dev.nexus.e2e.cluster.ClusterSpec;
import dev.nexus.e2e.cluster.ClusterUnderTest;
import dev.nexus.e2e.cluster.MemberProbe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: a follower loses its disk (killed, data directory deleted) while the others go on
 * writing, snapshotting every 50 entries and purging their logs; started again with nothing, it is
 * rebuilt from a snapshot of the leader (counted in {@code nexus_raft_snapshots_installed}), not
 * from a log replay, and ends up with the same objects at the same revisions.
 */
class WipedMemberE2E {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @RegisterExtension HistoryKeeper history = new HistoryKeeper();

  /**
   * Moves the leadership from {@code leader} to {@code other} (asking the leader itself, a few
   * times: a busy machine can make one attempt time out), so that a new term begins.
   */
  static void newTerm(ClusterUnderTest cluster, String leader, String other) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (NexusClient admin =
          NexusClient.forServer(
              cluster.apiUrl(leader), Duration.ofSeconds(1), Duration.ofSeconds(20))) {
        admin.cluster().transferLeader(other);
        return;
      } catch (RuntimeException e) {
        last = e;
        java.util.Optional<String> now = MemberProbe.leaderSeenBy(cluster.apiUrl(other));
        if (now.isPresent() && !now.get().equals(leader)) {
          return; // a new term began anyway
        }
      }
    }
    throw new AssertionError("could not move the leadership to " + other, last);
  }

  @Test
  void aMemberWipedOfItsDataIsRebuiltFromASnapshot() {
    ClusterSpec spec = ClusterSpec.of(3, "--snapshot-every-entries", "50");
    try (ClusterUnderTest cluster = Backends.open(spec, dir);
        RegisterLoad load = new RegisterLoad(history.recorder(), cluster.apiUrls(), 4, 3)) {
      cluster.startAll();
      Waits.allReady(cluster);
      load.start();
      Soak soak = Soak.start();
      while (soak.another()) {
        Waits.progress(load, 30, Duration.ofSeconds(30));
        String leader = Waits.leader(cluster, cluster.ids());
        String wiped = cluster.ids().stream().filter(id -> !id.equals(leader)).findFirst().get();
        String other =
            cluster.ids().stream()
                .filter(id -> !id.equals(leader) && !id.equals(wiped))
                .findFirst()
                .get();
        // First the log is purged while every member holds all of it: Ratis purges only up to the
        // lowest commit index it knows of any member, so entries a stopped member had not yet
        // committed would be kept for it, and it would catch up from the log instead. Ratis only
        // purges closed log segments; a new term starts a new segment, so moving the leadership
        // closes the one that holds everything so far, and the next snapshot purges it.
        Waits.progress(load, 60, Duration.ofSeconds(60));
        newTerm(cluster, leader, other);
        double taken = MemberProbe.metric(cluster.apiUrl(other), "nexus_raft_snapshots_taken");
        Waits.progress(load, 60, Duration.ofSeconds(60));
        await("a snapshot after the new term on " + other)
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    MemberProbe.metric(cluster.apiUrl(other), "nexus_raft_snapshots_taken")
                        > taken);
        Waits.progress(load, 60, Duration.ofSeconds(60));

        cluster.kill(wiped);
        cluster.wipe(wiped);
        Waits.progress(load, 30, Duration.ofSeconds(30));

        long startedAt = System.nanoTime();
        cluster.start(wiped);
        Waits.ready(cluster, cluster.ids(), Duration.ofSeconds(120));
        long readyMs = (System.nanoTime() - startedAt) / 1_000_000;
        Converged.acknowledgedOnEach(cluster, cluster.ids(), load.acknowledged());
        long firstLogIndex = RaftFiles.firstLogIndex(cluster.dataDir(wiped));
        double installed =
            MemberProbe.metric(cluster.apiUrl(wiped), "nexus_raft_snapshots_installed");
        System.out.printf(
            "WipedMemberE2E [%s]: %s wiped and restarted, ready after %d ms; its Raft log starts"
                + " at index %d; nexus_raft_snapshots_installed %.0f%n",
            cluster.backend(), wiped, readyMs, firstLogIndex, installed);
        // The registers were created in the first few entries; the rebuilt member holds them but
        // its log begins long after: what came before reached it as a snapshot.
        assertThat(firstLogIndex)
            .as(
                "first entry in the rebuilt member's Raft log (entries before it came as a snapshot)")
            .isGreaterThan(50);
        assertThat(installed)
            .as("nexus_raft_snapshots_installed on the rebuilt member")
            .isGreaterThanOrEqualTo(1);
        assertThat(Converged.localLeases(cluster.apiUrl(wiped))).containsKeys("reg-0", "reg-1");
      }
      load.stop();
      Converged.everywhere(cluster, cluster.ids(), load.acknowledged());
      load.finalReads(cluster.apiUrls());
      history.assertLinearizable("WipedMemberE2E");
    }
  }
}
