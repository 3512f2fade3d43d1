package dev.nexus.e2e.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Each member a {@code nexus server} JVM in its own network namespace ({@link NetnsNetwork}), run
 * from the launcher's build output with this JVM's JDK; its data and output live under {@code
 * dir/ID}. Needs root (ip netns).
 */
final class NetnsCluster extends MembersOnThisMachine {
  private final ClusterSpec spec;
  private final Path dir;
  private final NetnsNetwork net;
  private final NetworkFaults faults;
  private final Map<String, Process> processes = new ConcurrentHashMap<>();
  private final String classPath;

  NetnsCluster(ClusterSpec spec, Path dir) {
    this.spec = spec;
    this.dir = dir;
    Path target = LauncherBuild.launcherTarget();
    this.classPath =
        target.resolve("nexus-launcher.jar") + File.pathSeparator + target.resolve("lib/*");
    this.net = NetnsNetwork.create(spec.ids());
    this.faults =
        new NetworkFaults(
            new NetworkFaults.Members() {
              @Override
              public List<String> ids() {
                return spec.ids();
              }

              @Override
              public String ip(String id) {
                return net.ip(id);
              }

              @Override
              public List<String> enter(String id) {
                return net.enter(id);
              }

              @Override
              public boolean running(String id) {
                return true; // the namespace outlives the process
              }
            });
  }

  @Override
  public String backend() {
    return "netns";
  }

  @Override
  public List<String> ids() {
    return spec.ids();
  }

  @Override
  public void startAll() {
    for (String id : spec.ids()) {
      if (!running(id)) {
        start(id);
      }
    }
  }

  @Override
  public void start(String id, String... extraArgs) {
    if (running(id)) {
      throw new IllegalStateException(id + " is already running");
    }
    Path memberDir = dir.resolve(id);
    try {
      Files.createDirectories(memberDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> cmd = new ArrayList<>(net.enter(id));
    cmd.addAll(
        LauncherBuild.memberCommand(
            dev.nexus.launcher.ServerCommandLine.hostJava(),
            classPath,
            id,
            spec.peers(spec.ids().stream().map(net::ip).toList()),
            dataDir(id).toString(),
            spec.serverArgs(),
            List.of(extraArgs)));
    try {
      // `ip netns exec` execs the command, so the process is the JVM itself: kill -9 hits it.
      processes.put(
          id,
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log(id).toFile()))
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path log(String id) {
    return dir.resolve(id).resolve("server.log");
  }

  @Override
  public void kill(String id) {
    Process p = processes.remove(id);
    if (p != null) {
      p.destroyForcibly();
      waitFor(p, Duration.ofSeconds(30), id);
    }
  }

  @Override
  public void stop(String id) {
    Process p = processes.remove(id);
    if (p != null) {
      p.destroy();
      if (!waitFor(p, Duration.ofSeconds(30), id)) {
        p.destroyForcibly();
        throw new AssertionError(id + " did not stop within 30 s of SIGTERM:\n" + logs());
      }
    }
  }

  private static boolean waitFor(Process p, Duration d, String id) {
    try {
      return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + id + " to exit", e);
    }
  }

  @Override
  public boolean running(String id) {
    Process p = processes.get(id);
    return p != null && p.isAlive();
  }

  @Override
  NetworkFaults faults() {
    return faults;
  }

  @Override
  Path dir() {
    return dir;
  }

  @Override
  public URI apiUrl(String id) {
    return URI.create("http://" + net.ip(id) + ":" + ClusterSpec.API_PORT);
  }

  @Override
  public String logs() {
    return Disk.tails(spec.ids(), this::log, 25);
  }

  @Override
  public void close() {
    try {
      faults.close();
      for (String id : spec.ids()) {
        Process p = processes.get(id);
        if (p != null) {
          p.destroy();
        }
      }
      for (String id : spec.ids()) {
        Process p = processes.remove(id);
        if (p != null && !waitFor(p, Duration.ofSeconds(15), id)) {
          p.destroyForcibly();
        }
      }
    } finally {
      net.close();
    }
  }
}
