package dev.nexus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: {@code bin/nexus up} in one process, {@code
 * bin/nexusctl} in others, with no flags beyond a private data dir, port and config file.
 */
class NexusUpE2E {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir Path tmp;

  @Test
  void upThenApplyExamplesThenRestartKeepsData() throws Exception {
    int port = freePort();
    Path config = tmp.resolve("config");
    Path data = tmp.resolve("data");

    Process server = startNexusUp(data, port, config);
    try {
      assertThat(Files.readString(config)).contains("http://127.0.0.1:" + port);
      Result apply = nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString());
      assertThat(apply.exit()).as(apply.output()).isZero();
      assertThat(apply.output()).contains("namespace.nexus.dev/demo created");
      assertThat(apply.output()).contains("workload.nexus.dev/web created");

      Result again = nexusctl(config, "apply", "-f", ROOT.resolve("examples/manifests").toString());
      assertThat(again.output()).contains("workload.nexus.dev/web unchanged");
    } finally {
      stop(server);
    }
    assertThat(server.exitValue()).as("exit code after SIGTERM").isIn(0, 130, 143);

    Process restarted = startNexusUp(data, port, config);
    try {
      Result get = nexusctl(config, "get", "workloads", "-n", "demo");
      assertThat(get.exit()).as(get.output()).isZero();
      assertThat(get.output()).contains("web");
    } finally {
      stop(restarted);
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

  private record Result(int exit, String output) {}

  private Result nexusctl(Path config, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
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
      throw new AssertionError("nexus up did not stop within 30 s of SIGTERM");
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
