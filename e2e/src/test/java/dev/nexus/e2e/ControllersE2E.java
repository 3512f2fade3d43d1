package dev.nexus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in controllers as a user meets them: inside {@code bin/nexus up}, and as a process of
 * their own ({@code bin/nexus controllers}) next to {@code nexus up --no-controllers}. In both, a
 * Workload applied with {@code bin/nexusctl} gets its Instances.
 */
class ControllersE2E {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

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
      stop(up);
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
        stop(controllers);
      }
      stop(up);
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
              Result get = nexusctl(config, "get", "instances", "-n", "demo");
              assertThat(get.exit()).as(get.output()).isZero();
              assertThat(get.output()).contains(prefix);
            });
  }

  private record Result(int exit, String output) {}

  private Result nexusctl(Path config, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/nexusctl").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("NEXUS_CONFIG", config.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not stop within 30 s of SIGTERM");
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
