package dev.nexus.e2e;

import static dev.nexus.e2e.Scripts.ROOT;
import static dev.nexus.e2e.Scripts.freePort;
import static dev.nexus.e2e.Scripts.nexusctl;
import static dev.nexus.e2e.Scripts.read;
import static dev.nexus.e2e.Scripts.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: {@code bin/nexus up} in one process, {@code
 * bin/nexusctl} in others, with no flags beyond a private data dir, port and config file.
 */
class NexusUpE2E {

  @TempDir Path tmp;

  @Test
  void upThenApplyExamplesThenRestartKeepsData() throws Exception {
    int port = freePort();
    Path config = tmp.resolve("config");
    Path data = tmp.resolve("data");

    Process server = startNexusUp(data, port, config);
    try {
      assertThat(Files.readString(config)).contains("http://127.0.0.1:" + port);
      Scripts.Result apply =
          nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString());
      assertThat(apply.exit()).as(apply.output()).isZero();
      assertThat(apply.output()).contains("namespace.nexus.dev/demo created");
      assertThat(apply.output()).contains("workload.nexus.dev/web created");

      Scripts.Result again =
          nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString());
      assertThat(again.output()).contains("workload.nexus.dev/web unchanged");
    } finally {
      stop(server, "nexus up");
    }
    assertThat(server.exitValue()).as("exit code after SIGTERM").isIn(0, 130, 143);

    Process restarted = startNexusUp(data, port, config);
    try {
      Scripts.Result get = nexusctl(config, "get", "workloads", "-n", "demo");
      assertThat(get.exit()).as(get.output()).isZero();
      assertThat(get.output()).contains("web");
    } finally {
      stop(restarted, "nexus up");
    }
  }

  private Process startNexusUp(Path data, int port, Path config) throws IOException {
    Path log = Files.createTempFile(tmp, "nexus-up", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                ROOT.resolve("bin/nexus").toString(),
                "up",
                "--data-dir",
                data.toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("NEXUS_CONFIG", config.toString());
    Process p = pb.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              assertThat(p.isAlive()).as(() -> "nexus up exited:\n" + read(log)).isTrue();
              assertThat(read(log)).contains("Nexus is up");
            });
    return p;
  }
}
