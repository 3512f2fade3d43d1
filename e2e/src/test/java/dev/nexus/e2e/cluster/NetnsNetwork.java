package dev.nexus.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A bridge on the host ({@code nxbX}, 10.213.X.1/24) and one network namespace per member ({@code
 * nxeX-ID}), each joined to the bridge by a veth whose inner end is {@code eth0} with
 * 10.213.X.(10+i). X is picked per test JVM; a network left behind by a JVM that died is removed
 * before X is reused.
 */
final class NetnsNetwork implements AutoCloseable {
  private static final Path OWNERS = Path.of("/run/nexus-e2e");

  private final int x;
  private final List<String> ids;

  private NetnsNetwork(int x, List<String> ids) {
    this.x = x;
    this.ids = List.copyOf(ids);
  }

  static NetnsNetwork create(List<String> ids) {
    long pid = ProcessHandle.current().pid();
    for (int i = 0; i < 220; i++) {
      int x = 20 + (int) ((pid + i) % 220);
      if (claim(x, pid)) {
        NetnsNetwork net = new NetnsNetwork(x, ids);
        net.build();
        return net;
      }
    }
    throw new IllegalStateException("no free 10.213.X.0/24 network for the netns backend");
  }

  /** Takes X when no live JVM owns it, removing what a dead owner left. */
  private static synchronized boolean claim(int x, long pid) {
    try {
      Files.createDirectories(OWNERS);
      Path owner = OWNERS.resolve("net-" + x + ".pid");
      Optional<ProcessHandle> alive =
          Files.exists(owner)
              ? ProcessHandle.of(Long.parseLong(Files.readString(owner).strip()))
              : Optional.empty();
      if (alive.isPresent() && alive.get().isAlive()) {
        return false;
      }
      removeLeftovers(x);
      Files.writeString(owner, Long.toString(pid));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void removeLeftovers(int x) {
    for (String line : Commands.attempt("ip", "netns", "list").output().split("\n")) {
      String ns = line.split(" ")[0];
      if (ns.startsWith("nxe" + x + "-")) {
        Commands.attempt("ip", "netns", "del", ns);
      }
    }
    Commands.attempt("ip", "link", "del", "nxb" + x);
  }

  private void build() {
    String bridge = "nxb" + x;
    Commands.run("ip", "link", "add", bridge, "type", "bridge");
    Commands.run("ip", "addr", "add", "10.213." + x + ".1/24", "dev", bridge);
    Commands.run("ip", "link", "set", bridge, "up");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String ns = namespace(id);
      String host = "nx" + x + id + "h";
      String inner = "nx" + x + id + "m";
      Commands.run("ip", "netns", "add", ns);
      Commands.run("ip", "link", "add", host, "type", "veth", "peer", "name", inner);
      Commands.run("ip", "link", "set", inner, "netns", ns);
      Commands.run("ip", "link", "set", host, "master", bridge, "up");
      Commands.run("ip", "-n", ns, "link", "set", "lo", "up");
      Commands.run("ip", "-n", ns, "link", "set", inner, "name", "eth0");
      Commands.run("ip", "-n", ns, "addr", "add", ip(id) + "/24", "dev", "eth0");
      Commands.run("ip", "-n", ns, "link", "set", "eth0", "up");
    }
  }

  String namespace(String id) {
    return "nxe" + x + "-" + id;
  }

  String ip(String id) {
    return "10.213." + x + "." + (11 + ids.indexOf(id));
  }

  List<String> enter(String id) {
    return List.of("ip", "netns", "exec", namespace(id));
  }

  @Override
  public void close() {
    removeLeftovers(x);
    try {
      Files.deleteIfExists(OWNERS.resolve("net-" + x + ".pid"));
    } catch (IOException e) {
      // the next run cleans up after a dead owner anyway
    }
  }
}
