package dev.nexus.e2e.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A group of real {@code nexus server} processes, each with its own network address, that a fault
 * scenario can break and mend. Two backends implement it ({@link Backends#open}): each member in
 * its own podman container, or each member a JVM in its own network namespace.
 *
 * <p>Members keep their address and their data directory across stops and restarts, so a restarted
 * member is the same member to the others. Every operation waits until it has taken effect on the
 * network or the process (a killed member is dead on return; a partition drops packets on return).
 */
public interface ClusterUnderTest extends AutoCloseable {
  /** "containers" or "netns". */
  String backend();

  /** Member ids in a fixed order (s1, s2, ...). */
  List<String> ids();

  /** Starts every member that is not running, each with the cluster's server arguments. */
  void startAll();

  /** Starts one stopped member, with {@code extraArgs} after the cluster's server arguments. */
  void start(String id, String... extraArgs);

  /** SIGKILL: no shutdown hook, no flush, like a crash. Returns once the process is gone. */
  void kill(String id);

  /** SIGTERM and wait for a clean exit. */
  void stop(String id);

  boolean running(String id);

  /** Deletes the data directory of a stopped member (Raft log, snapshots, LMDB). */
  default void wipe(String id) {
    if (running(id)) {
      throw new IllegalStateException("stop " + id + " before wiping its data");
    }
    Disk.deleteTree(dataDir(id));
  }

  /**
   * Drops every packet between {@code id} and each other member, both ways. Clients outside the
   * cluster still reach every member, so a test sees what the cut-off member answers.
   */
  void partition(String id);

  /** Removes every partition. */
  void heal();

  /** Delays every packet {@code id} sends by {@code delay} (a netem-style egress delay). */
  void delay(String id, Duration delay);

  /** Removes the delay of {@code id}. */
  void clearDelay(String id);

  /** Where a member's data directory (Raft log, snapshots, LMDB) is on this machine. */
  java.nio.file.Path dataDir(String id);

  /** The HTTP API of a member, as clients outside the cluster reach it. */
  URI apiUrl(String id);

  default List<URI> apiUrls() {
    return ids().stream().map(this::apiUrl).toList();
  }

  /** The last lines of every member's output, for failure messages. */
  String logs();

  /** Stops every member and removes what the backend created (network, namespaces, containers). */
  @Override
  void close();
}
