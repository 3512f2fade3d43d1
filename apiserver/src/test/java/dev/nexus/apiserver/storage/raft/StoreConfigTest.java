package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {
  final Path dir = Path.of("/tmp/nexus-config-test");

  @Test
  void defaultsDescribeAOneMemberGroupOnLoopback() {
    StoreConfig c = StoreConfig.builder(dir).build();

    assertThat(c.memberId()).isEqualTo("n1");
    assertThat(c.members()).isEqualTo(Map.of("n1", "127.0.0.1:0"));
    assertThat(c.singleMember()).isTrue();
    assertThat(c.transport()).isEqualTo(StoreConfig.Transport.NETTY);
    assertThat(c.watchHistoryWindow()).isEqualTo(100_000);
    assertThat(c.lmdbSync()).isFalse();
  }

  @Test
  void aClusterNamesEveryMemberIncludingThisOne() {
    StoreConfig c =
        StoreConfig.builder(dir)
            .memberId("s2")
            .peers(Map.of("s1", "10.0.0.1:7000", "s2", "10.0.0.2:7000", "s3", "[::1]:7000"))
            .build();

    assertThat(c.singleMember()).isFalse();
    assertThat(c.members()).hasSize(3);
  }

  @Test
  void badValuesNameTheFieldAndTheRule() {
    assertRejected(StoreConfig.builder(null), "dataDir: must be set");
    assertRejected(StoreConfig.builder(dir).memberId("N1"), "memberId: must be 1-63 lowercase");
    assertRejected(StoreConfig.builder(dir).raftPort(70000), "raftPort: must be within 0..65535");
    assertRejected(
        StoreConfig.builder(dir).peers(Map.of("n2", "127.0.0.1:7000")),
        "peers: must include this member (n1)");
    assertRejected(
        StoreConfig.builder(dir).peers(Map.of("n1", "localhost")), "peers.n1: must be host:port");
    assertRejected(
        StoreConfig.builder(dir).peers(Map.of("n1", "localhost:0")),
        "peers.n1: must be host:port with a port within 1..65535");
    assertRejected(
        StoreConfig.builder(dir).watchHistoryWindow(0), "watchHistoryWindow: must be >= 1");
    assertRejected(
        StoreConfig.builder(dir).commitBatchMax(0), "commitBatchMax: must be within 1..4096");
    assertRejected(
        StoreConfig.builder(dir).commitEntriesInFlight(0), "commitEntriesInFlight: must be >= 1");
    assertRejected(
        StoreConfig.builder(dir).snapshotEveryEntries(0), "snapshotEveryEntries: must be >= 1");
    assertRejected(
        StoreConfig.builder(dir).lmdbMapSizeBytes(1000), "lmdbMapSizeBytes: must be >= 1 MiB");
    assertRejected(
        StoreConfig.builder(dir).electionTimeout(Duration.ofSeconds(2), Duration.ofSeconds(1)),
        "electionTimeoutMax: must be greater than electionTimeoutMin");
    assertRejected(
        StoreConfig.builder(dir).requestTimeout(Duration.ZERO), "requestTimeout: must be positive");
  }

  @Test
  void grpcWithoutItsLibraryIsAClearError() {
    StoreConfig c = StoreConfig.builder(dir).transport(StoreConfig.Transport.GRPC).build();

    assertThatThrownBy(() -> RaftStore.open(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transport: GRPC needs org.apache.ratis:ratis-grpc");
  }

  private static void assertRejected(StoreConfig.Builder b, String message) {
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("storage config: ")
        .hasMessageContaining(message);
  }
}
