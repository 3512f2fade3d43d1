package dev.nexus.launcher;

import dev.nexus.apiserver.ApiServer;
import dev.nexus.apiserver.ApiServerConfig;
import dev.nexus.apiserver.storage.raft.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nexus server}: one member of a replicated control plane. Three or five of these, each with
 * the same {@code --peers} and its own {@code --id}, form one Raft group; every member serves the
 * whole API (writes are forwarded to the leader, reads are linearizable, watches see every change
 * in the same order). A member started with {@code --join} waits, without campaigning, until an
 * existing member adds it ({@code nexusctl cluster add-member}). Runs until SIGTERM or Ctrl-C.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run one member of a replicated Nexus control plane (a Raft group).")
final class ServerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", description = "YAML file with these settings; flags win over it.")
  Path configFile;

  @Option(names = "--id", description = "This member's id, one of those in --peers.")
  String id;

  @Option(
      names = "--peers",
      description =
          "Every member, comma-separated, as ID=RAFT_HOST:PORT@API_HOST:PORT (this one"
              + " included; with --join the existing members and this one).")
  String peers;

  @Option(
      names = "--api-address",
      description = "HOST:PORT the HTTP API listens on (default: this member's API address).")
  String apiAddress;

  @Option(
      names = "--data-dir",
      description = "Where this member's Raft log, snapshots and LMDB live (default: ~/.nexus/ID).")
  Path dataDir;

  @Option(
      names = "--join",
      description =
          "Join a running group: wait to be added with `nexusctl cluster add-member` instead of"
              + " taking part in elections from the start.")
  Boolean join;

  @Option(
      names = "--transport",
      description = "Raft transport between members: NETTY (default) or GRPC.")
  String transport;

  @Option(
      names = "--snapshot-every-entries",
      description =
          "Take a snapshot (an LMDB copy) and purge the Raft log before it every N entries"
              + " (default: 100000).")
  Long snapshotEveryEntries;

  @Option(
      names = "--snapshot-every-bytes",
      paramLabel = "SIZE",
      description =
          "Also take a snapshot and purge the Raft log when the log on disk exceeds SIZE (e.g."
              + " 64MiB, the default; units B, KiB, MiB, GiB).")
  String snapshotEveryBytes;

  @Option(
      names = "--election-timeout",
      paramLabel = "MIN-MAX",
      description =
          "Raft election timeout range in milliseconds (e.g. 500-1000, the default): a follower"
              + " that hears nothing from the leader for a random time within it campaigns; the"
              + " leader heartbeats every MIN/2.")
  String electionTimeout;

  @Option(names = "--group", description = "Raft group name; every member must agree.")
  String group;

  @Option(
      names = "--ready-timeout",
      description = "How long to wait for a leader before giving up (default: ${DEFAULT-VALUE}).")
  Duration readyTimeout = Duration.ofHours(1);

  @Override
  public Integer call() throws Exception {
    ServerConfigFile file = configFile == null ? null : ServerConfigFile.load(configFile);
    String memberId = pick(id, file == null ? null : file.id());
    String peerSpec =
        pick(peers, file == null || file.peers() == null ? null : String.join(",", file.peers()));
    if (memberId == null) {
      throw usage("--id: required (this member's id, one of those in --peers)");
    }
    if (peerSpec == null) {
      throw usage("--peers: required, as " + ClusterPeers.FORMAT + ",...");
    }
    ClusterPeers members;
    try {
      members = ClusterPeers.parse("--peers", peerSpec);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (!members.raft().containsKey(memberId)) {
      throw usage("--peers: must include this member (" + memberId + ")");
    }
    String listen = pick(apiAddress, file == null ? null : file.apiAddress());
    listen = listen == null ? members.api().get(memberId) : listen;
    try {
      ClusterPeers.checkAddress("--api-address", memberId, "API", listen);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Path dir =
        dataDir != null
            ? dataDir
            : file != null && file.dataDir() != null
                ? Path.of(file.dataDir())
                : Path.of(System.getProperty("user.home"), ".nexus", memberId);
    Files.createDirectories(dir);

    StoreConfig.Builder store =
        StoreConfig.builder(dir)
            .memberId(memberId)
            .peers(members.raft())
            .join(Boolean.TRUE.equals(pick(join, file == null ? null : file.join())));
    String t = pick(transport, file == null ? null : file.transport());
    if (t != null) {
      try {
        store.transport(StoreConfig.Transport.valueOf(t.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw usage("--transport: must be NETTY or GRPC, was " + t);
      }
    }
    Long every = pick(snapshotEveryEntries, file == null ? null : file.snapshotEveryEntries());
    if (every != null) {
      store.snapshotEveryEntries(every);
    }
    String size = pick(snapshotEveryBytes, file == null ? null : file.snapshotEveryBytes());
    if (size != null) {
      try {
        store.snapshotEveryBytes(FlagValues.bytes("--snapshot-every-bytes", size));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    String range = pick(electionTimeout, file == null ? null : file.electionTimeout());
    if (range != null) {
      try {
        FlagValues.Range r = FlagValues.durationRange("--election-timeout", range);
        store.electionTimeout(r.min(), r.max());
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    String g = pick(group, file == null ? null : file.group());
    if (g != null) {
      store.groupName(g);
    }
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    ApiServerConfig config;
    try {
      config =
          ApiServerConfig.builder(store.build())
              .host(host)
              .port(Integer.parseInt(listen.substring(colon + 1)))
              .readyTimeout(readyTimeout)
              .memberApiAddresses(members.api())
              .build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "Nexus member %s starting (%d-member group%s, data %s); waiting for a leader.%n",
            memberId,
            members.raft().size(),
            config.store().join() ? ", joining" : "",
            dir.toAbsolutePath());
    spec.commandLine().getOut().flush();
    ApiServer server = ApiServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("nexus-shutdown")
                .unstarted(
                    () -> {
                      LOG.info("stopping: closing the API server and storage");
                      server.close();
                      stopped.countDown();
                    }));
    spec.commandLine().getOut().printf("Nexus member %s is up: API %s.%n", memberId, server.url());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static <T> T pick(T flag, T fromFile) {
    return flag != null ? flag : fromFile;
  }
}
