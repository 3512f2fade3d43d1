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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in controllers as a user meets them: inside {@code bin/nexus up}, and as a process of
 * their own ({@code bin/nexus controllers}) next to {@code nexus up --no-controllers}. In both, a
 * Workload applied with {@code bin/nexusctl} gets its Instances.
 */
class ControllersE2E {

  @TempDir Path tmp;

  private final Map<Process, Path> processLogs = new HashMap<>();

  @Test
  void nexusUpRunsTheControllers() throws Exception {
    int port = freePort();
    Path config = tmp.resolve("config");
    Process up =
        start(config, "up", "--data-dir", tmp.resolve("data").toString(), "--port", "" + port);
    try {
      awaitLog(up, "Nexus is up");
      assertThat(
              nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString()).exit())
          .isZero();
      awaitInstances(config, "web-");
    } finally {
      stop(up, "the process");
    }
  }

  @Test
  void nexusControllersRunsThemAsAProcessOfTheirOwn() throws Exception {
    int port = freePort();
    Path config = tmp.resolve("config");
    Process up =
        start(
            config,
            "up",
            "--no-controllers",
            "--data-dir",
            tmp.resolve("data").toString(),
            "--port",
            "" + port);
    Process controllers = null;
    try {
      awaitLog(up, "Nexus is up");
      controllers =
          start(
              config, "controllers", "--server", "http://127.0.0.1:" + port, "--metrics-port", "0");
      awaitLog(controllers, "controllers started");
      assertThat(
              nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString()).exit())
          .isZero();
      awaitInstances(config, "web-");
    } finally {
      if (controllers != null) {
        stop(controllers, "the process");
      }
      stop(up, "the process");
    }
  }

  private Process start(Path config, String... args) throws IOException {
    Path log = Files.createTempFile(tmp, "nexus", ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/nexus").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("NEXUS_CONFIG", config.toString());
    Process p = pb.start();
    processLogs.put(p, log);
    return p;
  }

  private void awaitLog(Process p, String text) {
    Path log = processLogs.get(p);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              assertThat(p.isAlive()).as(() -> "exited:\n" + read(log)).isTrue();
              assertThat(read(log)).contains(text);
            });
  }

  private void awaitInstances(Path config, String prefix) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Scripts.Result get = nexusctl(config, "get", "instances", "-n", "demo");
              assertThat(get.exit()).as(get.output()).isZero();
              assertThat(get.output()).contains(prefix);
            });
  }
}
