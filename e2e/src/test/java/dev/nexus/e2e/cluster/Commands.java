package dev.nexus.e2e.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands (ip, tc, nsenter, podman) and fails loudly, with their output, on error. */
final class Commands {
  private Commands() {}

  /** The result of a command that ran to completion. */
  record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code cmd}; throws with the command and its output unless it exits 0. */
  static String run(String... cmd) {
    Result r = attempt(cmd);
    if (!r.ok()) {
      throw new IllegalStateException(
          "`" + String.join(" ", cmd) + "` exited " + r.exit() + ": " + r.output().strip());
    }
    return r.output();
  }

  /** Runs {@code cmd} and returns its exit code and output, whatever they are. */
  static Result attempt(String... cmd) {
    return attempt(List.of(cmd), 120);
  }

  static Result attempt(List<String> cmd, long timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  /** Whether {@code name} is an executable on the PATH. */
  static boolean exists(String name) {
    return attempt("sh", "-c", "command -v " + name).ok();
  }

  static boolean isRoot() {
    return attempt("id", "-u").output().strip().equals("0");
  }
}
