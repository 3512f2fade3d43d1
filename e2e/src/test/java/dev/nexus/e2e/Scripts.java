package dev.nexus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The README's scripts as the end-to-end tests run them: real processes, as a user would. */
final class Scripts {
  /** The repository's root (tests run in e2e/). */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  record Result(int exit, String output) {}

  private Scripts() {}

  /** Runs {@code bin/nexusctl args} with {@code config} as its client config. */
  static Result nexusctl(Path config, String... args) throws Exception {
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

  /** SIGTERM, the same shutdown path as Ctrl-C; fails unless {@code what} stops within 30 s. */
  static void stop(Process p, String what) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(what + " did not stop within 30 s of SIGTERM");
    }
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
