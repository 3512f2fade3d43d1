package dev.nexus.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real {@code nexus server} processes, each its own JVM started from this module's jar and
 * dependencies (target/), on loopback ports, with its data and log under one directory.
 */
final class ClusterProcesses implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  record Member(String id, int raftPort, int apiPort) {
    String spec() {
      return id + "=127.0.0.1:" + raftPort + "@127.0.0.1:" + apiPort;
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + apiPort);
    }
  }

  private final Path dir;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();

  ClusterProcesses(Path dir) {
    this.dir = dir;
  }

  Member define(String id) throws IOException {
    Member m = new Member(id, freePort(), freePort());
    members.put(id, m);
    return m;
  }

  Member member(String id) {
    return members.get(id);
  }

  /** Starts {@code ids}, each told that the group is {@code group} (this member included). */
  void start(List<String> ids, List<String> group, String... extraArgs) throws IOException {
    String peers =
        group.stream().map(id -> members.get(id).spec()).collect(Collectors.joining(","));
    for (String id : ids) {
      List<String> cmd =
          ServerCommandLine.of(
              ServerCommandLine.hostJava(),
              classPath(),
              id,
              peers,
              dir.resolve(id).toString(),
              List.of(extraArgs));
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(id + ".log").toFile())
              .start();
      processes.put(id, p);
    }
  }

  /** The jar this module built and its runtime dependencies: what bin/nexus runs. */
  private static String classPath() {
    Path target = Path.of("target").toAbsolutePath();
    return target.resolve("nexus-launcher.jar")
        + java.io.File.pathSeparator
        + target.resolve("lib/*");
  }

  /** SIGKILL: no shutdown hook, no flush, like a crash. */
  void kill9(String id) throws InterruptedException {
    Process p = processes.remove(id);
    p.destroyForcibly();
    p.waitFor();
  }

  boolean ready(String id) {
    return get(member(id).url().resolve("/readyz")) == 200;
  }

  /** The status code of a GET, or -1 when the member does not answer. */
  int status(URI uri) {
    return get(uri);
  }

  /** The body of a GET, or null when the member does not answer. */
  String body(URI uri) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private int get(URI uri) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The last lines of each member's log, for a failure message. */
  String logs() {
    StringBuilder b = new StringBuilder();
    for (String id : members.keySet()) {
      Path log = dir.resolve(id + ".log");
      try {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        b.append("--- ").append(id).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 15), lines.size())
            .forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append(e).append('\n');
      }
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Process p : processes.values()) {
      p.destroy();
    }
    for (Process p : processes.values()) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
