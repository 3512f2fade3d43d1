package dev.nexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ClientConfig;
import dev.nexus.client.ClusterClient;
import dev.nexus.client.NexusClient;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import dev.nexus.ctl.Nexusctl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code nexus server} processes (separate JVMs, loopback ports) form one group; the tests
 * run in order against the same cluster, since starting JVMs is the slow part: writes through a
 * follower, reads and watches on every member, a fourth member added after the log was purged
 * (snapshot install) and removed again, leadership moved, then the leader killed with SIGKILL while
 * a client and nexusctl fail over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  @TempDir static Path dir;
  static ClusterProcesses cluster;
  static final Map<String, NexusClient> clients = new ConcurrentHashMap<>();
  static final List<String> THREE = List.of("s1", "s2", "s3");
  static boolean othersStarted;

  @BeforeAll
  static void startOneOfThree() throws Exception {
    cluster = new ClusterProcesses(dir);
    for (String id : List.of("s1", "s2", "s3", "s4")) {
      cluster.define(id);
    }
    // s1 starts alone (see the first test); s4 gets its ports now but joins later, started with
    // --join and added at run time.
    cluster.start(List.of("s1"), THREE, "--snapshot-every-entries", "40");
  }

  /** The other two members, once the first test has looked at s1 alone. */
  static void startTheOthers() throws IOException {
    if (!othersStarted) {
      othersStarted = true;
      cluster.start(List.of("s2", "s3"), THREE, "--snapshot-every-entries", "40");
    }
    await("three members ready: " + cluster.logs())
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> THREE.stream().allMatch(cluster::ready));
  }

  @BeforeEach
  void threeMembers(TestInfo test) throws IOException {
    // Every test but the first (which starts them itself) runs against three members.
    if (!othersStarted && !test.getDisplayName().startsWith("aMemberAlone")) {
      startTheOthers();
    }
  }

  @AfterAll
  static void stop() {
    clients.values().forEach(NexusClient::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  static NexusClient client(String id) {
    return clients.computeIfAbsent(id, i -> NexusClient.forServer(cluster.member(i).url()));
  }

  static String leader(String askId) {
    return client(askId).cluster().members().leader();
  }

  static String follower(List<String> among) {
    String leader = leader(among.getFirst());
    return among.stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
  }

  static ApiObject namespace(String name) {
    return ApiObject.of("nexus.dev/v1", "Namespace", null, name);
  }

  @Test
  @Order(0)
  void aMemberAloneServesHttpAtOnceButIsNotReadyUntilTheOthersStart() throws IOException {
    URI s1 = cluster.member("s1").url();
    await("s1 HTTP up: " + cluster.logs())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> cluster.status(s1.resolve("/healthz")) == 200);
    assertThat(cluster.status(s1.resolve("/readyz"))).isEqualTo(503);
    assertThat(cluster.body(s1.resolve("/readyz"))).isEqualTo("not ready: no leader");
    assertThat(cluster.body(s1.resolve("/metrics"))).contains("nexus_raft_has_leader 0");
    // API requests are refused at once with a Status that says why, not held or failed with 500
    assertThat(cluster.status(s1.resolve("/api/v1/namespaces"))).isEqualTo(503);
    assertThat(cluster.body(s1.resolve("/apis/nexus.dev/v1/namespaces")))
        .contains("\"reason\":\"ServiceUnavailable\"")
        .contains("the API server is not ready yet: no leader");

    startTheOthers(); // includes s1 answering /readyz 200
    assertThat(cluster.body(s1.resolve("/readyz"))).isEqualTo("ok");
    assertThat(client("s1").get(BuiltinKinds.NAMESPACE, null, "default")).isNotNull();
  }

  @Test
  @Order(1)
  void aWriteOnAFollowerSucceedsAndEveryMemberReadsItAndWatchesInTheSameOrder() {
    List<String> three = List.of("s1", "s2", "s3");
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    List<AutoCloseable> watches = new ArrayList<>();
    for (String id : three) {
      List<String> events = new CopyOnWriteArrayList<>();
      seen.put(id, events);
      watches.add(
          client(id)
              .watchForever(
                  BuiltinKinds.NAMESPACE,
                  null,
                  null,
                  e -> {
                    if (e.type() == WatchEvent.Type.ADDED) {
                      events.add(e.object().name() + "@" + e.resourceVersion());
                    }
                  }));
    }
    String follower = follower(three);
    ApiObject created = client(follower).create(BuiltinKinds.NAMESPACE, namespace("via-follower"));
    for (String id : three) {
      // linearizable by default: visible on every member as soon as the write was acknowledged
      ApiObject read = client(id).get(BuiltinKinds.NAMESPACE, null, "via-follower");
      assertThat(read.resourceVersion()).isEqualTo(created.resourceVersion());
    }
    for (int i = 0; i < 9; i++) {
      client(three.get(i % 3)).create(BuiltinKinds.NAMESPACE, namespace("order-" + i));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> seen.values().stream().allMatch(l -> l.size() == 10));
    assertThat(seen.get("s2")).isEqualTo(seen.get("s1"));
    assertThat(seen.get("s3")).isEqualTo(seen.get("s1"));
    watches.forEach(ClusterIT::closeQuietly);
  }

  @Test
  @Order(1)
  void aFollowerGetsItsReadIndexFromTheLeaderOverHttpAndReadsTheLatestWrite() {
    String leader = leader("s1");
    String follower = follower(THREE);
    URI onLeader = cluster.member(leader).url().resolve("/cluster/read-index");
    URI onFollower = cluster.member(follower).url().resolve("/cluster/read-index");
    assertThat(cluster.status(onFollower)).isEqualTo(503);
    assertThat(cluster.body(onFollower)).contains("is not the Raft leader");
    assertThat(cluster.status(onLeader)).isEqualTo(200);
    assertThat(cluster.body(onLeader)).matches("\\{\"index\":[1-9][0-9]*}");

    double clientRoundsBefore = metric(follower, "nexus_storage_read_index_client_rounds");
    assertThat(clientRoundsBefore)
        .as("the follower's /metrics counts Raft client rounds")
        .isNotNegative();
    double roundsBefore = metric(follower, "nexus_storage_read_index_rounds");
    for (int i = 0; i < 20; i++) {
      ApiObject written =
          client(leader).create(BuiltinKinds.NAMESPACE, namespace("read-index-" + i));
      // acknowledged on the leader, so a linearizable read on the follower must see it
      assertThat(client(follower).get(BuiltinKinds.NAMESPACE, null, "read-index-" + i).uid())
          .isEqualTo(written.uid());
    }
    assertThat(metric(follower, "nexus_storage_read_index_rounds")).isGreaterThan(roundsBefore);
    assertThat(metric(follower, "nexus_storage_read_index_client_rounds"))
        .as("rounds the Raft client carried instead of HTTP")
        .isEqualTo(clientRoundsBefore);
  }

  @Test
  @Order(2)
  void aMemberAddedAfterTheLogWasPurgedCatchesUpFromASnapshotAndIsRemovedAgain() throws Exception {
    for (int i = 0; i < 120; i++) {
      client("s1").create(BuiltinKinds.NAMESPACE, namespace("bulk-" + i));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> metric("s1", "nexus_raft_snapshots_taken") >= 1);
    client("s1").create(BuiltinKinds.NAMESPACE, namespace("before-join")); // lets purging run

    cluster.start(List.of("s4"), List.of("s1", "s2", "s3", "s4"), "--join");
    var s4 = cluster.member("s4");
    String out =
        nexusctl(
            "--server",
            cluster.member("s2").url().toString(),
            "cluster",
            "add-member",
            "s4=127.0.0.1:" + s4.raftPort() + "@127.0.0.1:" + s4.apiPort());
    assertThat(out).contains("Member \"s4\" added.").contains("s4");
    await("s4 ready: " + cluster.logs())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> cluster.ready("s4"));

    // a local read (resourceVersion=0 semantics) on s4 already holds what was written before
    assertThat(client("s4").find(BuiltinKinds.NAMESPACE, null, "bulk-7")).isPresent();
    assertThat(metric("s4", "nexus_raft_snapshots_installed")).isGreaterThanOrEqualTo(1);
    assertThat(client("s1").cluster().members().members())
        .extracting(ClusterClient.Member::id)
        .containsExactly("s1", "s2", "s3", "s4");
    client("s4").create(BuiltinKinds.NAMESPACE, namespace("via-s4"));
    assertThat(client("s1").find(BuiltinKinds.NAMESPACE, null, "via-s4")).isPresent();

    assertThat(
            nexusctl(
                "--server",
                cluster.member("s1").url().toString(),
                "cluster",
                "remove-member",
                "s4"))
        .contains("Member \"s4\" removed.");
    assertThat(client("s2").cluster().members().members())
        .extracting(ClusterClient.Member::id)
        .containsExactly("s1", "s2", "s3");
    cluster.kill9("s4");
  }

  @Test
  @Order(3)
  void leadershipMovesOnRequest() {
    String target = follower(List.of("s1", "s2", "s3"));
    String out =
        nexusctl(
            "--server",
            cluster.member("s1").url().toString(),
            "cluster",
            "transfer-leader",
            target);
    assertThat(out).contains("Leadership transferred to \"" + target + "\"");
    await().atMost(Duration.ofSeconds(10)).until(() -> target.equals(leader("s1")));
    assertThat(nexusctl("--server", cluster.member("s3").url().toString(), "cluster", "members"))
        .containsPattern(target + "\\s+leader");
  }

  @Test
  @Order(4)
  void killingTheLeaderLosesNoAcknowledgedWriteAndClientsFailOver() throws Exception {
    String leader = leader("s1");
    List<String> order = new ArrayList<>(List.of(leader));
    List.of("s1", "s2", "s3").stream().filter(id -> !id.equals(leader)).forEach(order::add);
    List<URI> urls = order.stream().map(id -> cluster.member(id).url()).toList();
    Path config = dir.resolve("nexusctl-config");
    ClientConfig.empty()
        .withContext(
            new ClientConfig.Context(
                "cluster",
                urls.getFirst().toString(),
                null,
                urls.subList(1, 3).stream().map(URI::toString).toList()))
        .withCurrentContext("cluster")
        .save(config);

    try (NexusClient failover = NexusClient.forServers(urls)) {
      List<String> watched = new CopyOnWriteArrayList<>();
      var watch =
          failover.watchForever(
              BuiltinKinds.NAMESPACE,
              null,
              null,
              (WatchListener)
                  e -> {
                    if (e.type() == WatchEvent.Type.ADDED) {
                      watched.add(e.object().name());
                    }
                  });
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        failover.create(BuiltinKinds.NAMESPACE, namespace("pre-kill-" + i));
        acknowledged.add("pre-kill-" + i);
      }
      long killedAt = System.nanoTime();
      cluster.kill9(leader);
      // The first write after the kill waits for the survivors to elect a leader: the client
      // moves on from the dead member, the survivor forwards (retrying) until the new leader
      // commits it. Issue 4 asks for a new leader within 2 s.
      failover.create(BuiltinKinds.NAMESPACE, namespace("post-kill-first"));
      long firstWriteMs = (System.nanoTime() - killedAt) / 1_000_000;
      acknowledged.add("post-kill-first");
      System.out.printf(
          "ClusterIT: first write accepted by a survivor %d ms after kill -9 of %s%n",
          firstWriteMs, leader);
      assertThat(firstWriteMs).as("kill -9 of the leader to a write accepted").isLessThan(2000);
      for (int i = 0; i < 5; i++) {
        failover.create(BuiltinKinds.NAMESPACE, namespace("post-kill-" + i));
        acknowledged.add("post-kill-" + i);
      }
      String survivor = order.get(1);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> leader(survivor) != null && !leader.equals(leader(survivor)));
      System.out.printf(
          "ClusterIT: writes resumed and a new leader (%s) serves %d ms after kill -9 of %s%n",
          leader(survivor), (System.nanoTime() - killedAt) / 1_000_000, leader);
      for (String id : order.subList(1, 3)) {
        for (String name : acknowledged) {
          assertThat(client(id).find(BuiltinKinds.NAMESPACE, null, name))
              .as(name + " on " + id)
              .isPresent();
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> watched.containsAll(acknowledged));
      assertThat(watched).doesNotHaveDuplicates();
      watch.close();
    }

    String got = nexusctl("--config", config.toString(), "get", "namespaces", "post-kill-4");
    assertThat(got).contains("post-kill-4");
  }

  @Test
  @Order(5)
  void aMemberWithoutAMajorityIsNotReadyAndSaysSo() throws Exception {
    List<String> alive = List.of("s1", "s2", "s3").stream().filter(cluster::ready).toList();
    assertThat(alive).hasSize(2);
    assertThat(metric(alive.get(1), "nexus_raft_has_leader")).isEqualTo(1.0);
    cluster.kill9(alive.getFirst());
    String last = alive.get(1);
    await().atMost(Duration.ofSeconds(15)).until(() -> !cluster.ready(last));
    assertThat(cluster.body(cluster.member(last).url().resolve("/readyz"))).contains("no leader");
  }

  static double metric(String id, String name) {
    String body = cluster.body(cluster.member(id).url().resolve("/metrics"));
    if (body == null) {
      return -1;
    }
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).strip());
      }
    }
    return -1;
  }

  static String nexusctl(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Nexusctl.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String o = out.toString(StandardCharsets.UTF_8);
    assertThat(code)
        .as("nexusctl " + String.join(" ", args) + ": " + err + o + "\n" + cluster.logs())
        .isZero();
    return o;
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the test is over with it
    }
  }
}
