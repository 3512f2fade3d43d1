package dev.nexus.apiserver.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Runs a real kubectl binary against a Nexus server, with its own kubeconfig and cache. */
final class Kubectl {
  /** One finished run. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private final Path binary;
  private final Path dir;

  Kubectl(Path binary, Path dir, String serverUrl) throws IOException {
    this.binary = binary;
    this.dir = dir;
    Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: nexus
          cluster: {server: "%s"}
        contexts:
        - name: nexus
          context: {cluster: nexus, user: nexus, namespace: default}
        current-context: nexus
        users:
        - name: nexus
          user: {}
        """
            .formatted(serverUrl));
  }

  Path dir() {
    return dir;
  }

  private ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--kubeconfig=" + dir.resolve("kubeconfig"));
    cmd.add("--cache-dir=" + dir.resolve("cache"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("HOME", dir.toString());
    pb.environment().remove("KUBECONFIG");
    return pb;
  }

  Result run(String... args) throws Exception {
    Process p =
        builder(args)
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60s");
    }
    return new Result(
        p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
  }

  /** A long-running kubectl (e.g. {@code get -w}) whose output lines are read as they come. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Running(Process process) {
      this.process = process;
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // process ended
                }
              });
    }

    String nextLine(Duration timeout) throws InterruptedException {
      return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  Running start(String... args) throws IOException {
    return new Running(builder(args).redirectError(dir.resolve("bg-err").toFile()).start());
  }
}
