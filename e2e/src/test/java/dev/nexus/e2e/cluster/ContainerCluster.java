package dev.nexus.e2e.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
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
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Each member a {@code nexus server} in a container of its own ({@link NexusImage}), started with
 * Testcontainers on podman, on a podman network of its own with a fixed address per member
 * (10.214.X.(10+i)), so a restarted member keeps its address. The member's directory on this
 * machine ({@code dir/ID}, data and server.log) is bind-mounted at /member, so a container can be
 * killed, started again, or wiped while stopped. Partitions and delays are done from the host in
 * the container's network namespace (nsenter), as for the netns backend.
 */
final class ContainerCluster extends MembersOnThisMachine {
  private static final String CLASSPATH = "/opt/nexus/nexus-launcher.jar:/opt/nexus/lib/*";

  private final ClusterSpec spec;
  private final Path dir;
  private final String image;
  private final int x;
  private final String network;
  private final DockerClient docker;
  private final NetworkFaults faults;
  private final Map<String, GenericContainer<?>> containers = new ConcurrentHashMap<>();

  ContainerCluster(ClusterSpec spec, Path dir) {
    this.spec = spec;
    this.dir = dir;
    this.image = NexusImage.ensure();
    this.docker = DockerClientFactory.instance().client();
    this.x = 20 + (int) (ProcessHandle.current().pid() % 220);
    this.network = "nexus-e2e-" + x;
    Commands.attempt("podman", "network", "rm", "-f", network); // left by a JVM that died
    Commands.run("podman", "network", "create", "--subnet", "10.214." + x + ".0/24", network);
    this.faults =
        new NetworkFaults(
            new NetworkFaults.Members() {
              @Override
              public List<String> ids() {
                return spec.ids();
              }

              @Override
              public String ip(String id) {
                return ContainerCluster.this.ip(id);
              }

              @Override
              public List<String> enter(String id) {
                return List.of("nsenter", "-t", Long.toString(pid(id)), "-n");
              }

              @Override
              public boolean running(String id) {
                return ContainerCluster.this.running(id);
              }
            });
  }

  private String ip(String id) {
    return "10.214." + x + "." + (11 + spec.ids().indexOf(id));
  }

  @Override
  public String backend() {
    return "containers";
  }

  @Override
  public List<String> ids() {
    return spec.ids();
  }

  @Override
  public void startAll() {
    spec.ids().parallelStream().filter(id -> !running(id)).forEach(this::start);
  }

  @Override
  public void start(String id, String... extraArgs) {
    GenericContainer<?> existing = containers.get(id);
    if (existing != null && extraArgs.length == 0) {
      docker.startContainerCmd(existing.getContainerId()).exec();
      return;
    }
    if (existing != null) {
      remove(id);
    }
    try {
      Files.createDirectories(dir.resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> java =
        LauncherBuild.memberCommand(
            "/opt/jdk/bin/java",
            CLASSPATH,
            id,
            spec.peers(spec.ids().stream().map(this::ip).toList()),
            "/member/data",
            spec.serverArgs(),
            List.of(extraArgs));
    // The server's output goes to the member's directory on the host, across restarts.
    String command =
        "exec "
            + String.join(" ", java.stream().map(a -> "'" + a + "'").toList())
            + " >>/member/server.log 2>&1";
    GenericContainer<?> c =
        new GenericContainer<>(DockerImageName.parse(image))
            .withNetworkMode(network)
            .withCreateContainerCmdModifier(
                cmd -> cmd.withIpv4Address(ip(id)).withName(network + "-" + id))
            .withFileSystemBind(dir.resolve(id).toString(), "/member", BindMode.READ_WRITE)
            .withCommand("/bin/sh", "-c", command);
    c.start();
    containers.put(id, c);
  }

  private InspectContainerResponse inspect(String id) {
    GenericContainer<?> c = containers.get(id);
    return c == null ? null : docker.inspectContainerCmd(c.getContainerId()).exec();
  }

  private long pid(String id) {
    InspectContainerResponse r = inspect(id);
    if (r == null || !Boolean.TRUE.equals(r.getState().getRunning())) {
      throw new IllegalStateException(id + " is not running");
    }
    return r.getState().getPidLong();
  }

  @Override
  public void kill(String id) {
    if (running(id)) {
      docker.killContainerCmd(containers.get(id).getContainerId()).withSignal("KILL").exec();
      awaitStopped(id);
    }
  }

  @Override
  public void stop(String id) {
    if (running(id)) {
      docker.stopContainerCmd(containers.get(id).getContainerId()).withTimeout(30).exec();
      awaitStopped(id);
    }
  }

  private void awaitStopped(String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (running(id)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(id + " still runs 30 s after being stopped");
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public boolean running(String id) {
    InspectContainerResponse r = inspect(id);
    return r != null && Boolean.TRUE.equals(r.getState().getRunning());
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
    return URI.create("http://" + ip(id) + ":" + ClusterSpec.API_PORT);
  }

  @Override
  public String logs() {
    return Disk.tails(spec.ids(), id -> dir.resolve(id).resolve("server.log"), 25);
  }

  private void remove(String id) {
    GenericContainer<?> c = containers.remove(id);
    if (c != null) {
      c.stop(); // removes the container too
    }
  }

  @Override
  public void close() {
    try {
      faults.close();
    } finally {
      new ArrayList<>(containers.keySet()).forEach(this::remove);
      Commands.attempt("podman", "network", "rm", "-f", network);
    }
  }
}
