package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.e2e.cluster.Backends;
import dev.nexus.e2e.cluster.ClusterSpec;
import dev.nexus.e2e.cluster.ClusterUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: all three members are killed at once (kill -9, so nothing is flushed on the way out)
 * while four clients write, then started again: everything acknowledged before is there, the group
 * serves writes again, and the history is linearizable.
 */
class RestartAllE2E {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @RegisterExtension HistoryKeeper history = new HistoryKeeper();

  @Test
  void restartingEveryMemberAtOnceLosesNothingAcknowledged() {
    try (ClusterUnderTest cluster = Backends.open(ClusterSpec.of(3), dir);
        RegisterLoad load = new RegisterLoad(history.recorder(), cluster.apiUrls(), 4, 3)) {
      cluster.startAll();
      Waits.allReady(cluster);
      load.start();
      Soak soak = Soak.start();
      while (soak.another()) {
        Waits.progress(load, 40, Duration.ofSeconds(30));
        List<String> before = load.acknowledged();
        long downAt = System.nanoTime();
        cluster.ids().parallelStream().forEach(cluster::kill);
        cluster.startAll();
        Waits.ready(cluster, cluster.ids(), Duration.ofSeconds(120));
        Waits.progress(load, 20, Duration.ofSeconds(60));
        System.out.printf(
            "RestartAllE2E [%s]: all members killed and started; ready and writing again after"
                + " %d ms; %d creates acknowledged before%n",
            cluster.backend(), (System.nanoTime() - downAt) / 1_000_000, before.size());
        assertThat(before).isNotEmpty();
        Converged.acknowledgedOnEach(cluster, cluster.ids(), before);
      }
      load.stop();
      Converged.everywhere(cluster, cluster.ids(), load.acknowledged());
      load.finalReads(cluster.apiUrls());
      history.assertLinearizable("RestartAllE2E");
    }
  }
}
