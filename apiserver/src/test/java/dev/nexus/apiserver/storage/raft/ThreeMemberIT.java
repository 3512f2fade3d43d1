package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.put;
import static dev.nexus.apiserver.storage.raft.Stores.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.watch.RecordingSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three members in one JVM, each with its own directory and Raft port: same code path as one. */
class ThreeMemberIT {
  @TempDir Path dir;
  final Map<String, String> peers = new LinkedHashMap<>();
  final Map<String, RaftStore> stores = new LinkedHashMap<>();

  StoreConfig config(String id) {
    return Stores.config(dir.resolve(id))
        .memberId(id)
        .peers(peers)
        .electionTimeout(Duration.ofMillis(500), Duration.ofMillis(1000))
        .snapshotEveryEntries(40)
        .logSegmentSizeBytes(1 << 20)
        .build();
  }

  void startAll() throws Exception {
    Stores.openGroup(List.of("n1", "n2", "n3"), peers, stores, this::config);
    for (RaftStore s : stores.values()) {
      assertThat(s.awaitReady(Duration.ofSeconds(30))).isTrue();
    }
  }

  RaftStore leader() {
    return stores.values().stream()
        .filter(s -> s.metrics().role().equals("LEADER"))
        .findFirst()
        .orElseThrow();
  }

  List<RaftStore> followers() {
    RaftStore leader = leader();
    return stores.values().stream().filter(s -> s != leader).toList();
  }

  @AfterEach
  void closeAll() {
    stores.values().forEach(RaftStore::close);
  }

  @Test
  void aWriteOnTheLeaderIsReadableOnEveryFollowerAndAFollowerForwardsWrites() throws Exception {
    startAll();
    RaftStore leader = leader();
    long rev = put(leader, "/three/a", "from-leader").revision();

    for (RaftStore follower : followers()) {
      var got = follower.get("/three/a", Consistency.LINEARIZABLE).orElseThrow();
      assertThat(s(got.value())).isEqualTo("from-leader");
      assertThat(got.modRevision()).isEqualTo(rev);
    }

    RaftStore follower = followers().getFirst();
    long viaFollower = put(follower, "/three/b", "from-follower").revision();
    assertThat(viaFollower).isGreaterThan(rev);
    assertThat(s(leader.get("/three/b", Consistency.LINEARIZABLE).orElseThrow().value()))
        .isEqualTo("from-follower");
    assertThat(leader.metrics().leaderId()).isEqualTo(follower.metrics().leaderId());
  }

  @Test
  void concurrentWritesThroughAFollowerShareEntriesAndEachGetsItsOwnResult() throws Exception {
    startAll();
    RaftStore follower = followers().getFirst();

    List<GroupCommitIT.Outcome> outcomes = GroupCommitIT.race(follower, 16, 5);

    assertThat(follower.metrics().commitEntries())
        .as("forwarded in shared entries")
        .isLessThan(outcomes.size());
    assertThat(outcomes.stream().filter(o -> o.result().succeeded()).map(o -> o.key()))
        .hasSize(16 * 5 + 5)
        .doesNotHaveDuplicates();
    for (GroupCommitIT.Outcome o : outcomes) {
      var now = leader().get(o.key(), Consistency.LINEARIZABLE).orElseThrow();
      if (o.result().succeeded()) {
        assertThat(now.modRevision()).isEqualTo(o.result().revision());
      } else {
        assertThat(o.result().current().orElseThrow().value()).isEqualTo(now.value());
      }
    }
  }

  @Test
  void everyMemberWatchesTheSameEventsInTheSameOrder() throws Exception {
    startAll();
    List<RecordingSink> sinks = new ArrayList<>();
    for (RaftStore s : stores.values()) {
      RecordingSink sink = new RecordingSink();
      s.watch("/order/", 0, null, sink);
      sinks.add(sink);
    }
    RaftStore leader = leader();
    RaftStore follower = followers().getFirst();
    for (int i = 0; i < 30; i++) {
      put(i % 2 == 0 ? leader : follower, "/order/" + i, "v");
    }

    await().until(() -> sinks.stream().allMatch(s -> s.events.size() == 30));
    assertThat(sinks.get(1).revisions()).isEqualTo(sinks.get(0).revisions());
    assertThat(sinks.get(2).revisions()).isEqualTo(sinks.get(0).revisions());
    assertThat(sinks.get(0).revisions()).isSorted();
  }

  @Test
  void aWipedFollowerIsRebuiltFromASnapshotOfTheLeader() throws Exception {
    startAll();
    RaftStore leader = leader();
    String pad = "p".repeat(8 << 10);
    for (int i = 0; i < 300; i++) {
      put(leader, "/wipe/" + i, "v" + i + pad);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> leader.metrics().snapshotIndex() > 200);
    // one more snapshot round so the log is purged while every follower is caught up
    for (int i = 300; i < 360; i++) {
      put(leader, "/wipe/" + i, "v" + i + pad);
    }

    String victim =
        stores.entrySet().stream()
            .filter(e -> e.getValue() != leader)
            .findFirst()
            .orElseThrow()
            .getKey();
    stores.remove(victim).close();
    RestartIT.deleteTree(dir.resolve(victim));
    put(leader, "/wipe/after", "x");
    RaftStore rebuilt = RaftStore.open(config(victim));
    stores.put(victim, rebuilt);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> rebuilt.get("/wipe/after", Consistency.LOCAL).isPresent());
    assertThat(rebuilt.list("/wipe/", null, 0, Consistency.LOCAL).items()).hasSize(361);
    assertThat(s(rebuilt.get("/wipe/7", Consistency.LOCAL).orElseThrow().value()))
        .isEqualTo("v7" + pad);
    assertThat(rebuilt.metrics().snapshotsInstalled())
        .as("snapshots installed on the rebuilt member (nexus_raft_snapshots_installed)")
        .isEqualTo(1);
  }
}
