package dev.nexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterPeersTest {
  @Test
  void parsesRaftAndApiAddressesOfEveryMember() {
    ClusterPeers p =
        ClusterPeers.parse(
            "--peers", "s1=10.0.0.1:7431@10.0.0.1:7420, s2=10.0.0.2:7431@10.0.0.2:7420");
    assertThat(p.raft()).containsEntry("s1", "10.0.0.1:7431").containsEntry("s2", "10.0.0.2:7431");
    assertThat(p.api()).containsEntry("s2", "10.0.0.2:7420");
  }

  @Test
  void badEntriesAreNamedWithTheRule() {
    assertThatThrownBy(() -> ClusterPeers.parse("--peers", "s1=10.0.0.1:7431"))
        .hasMessage("--peers: \"s1=10.0.0.1:7431\" must look like ID=RAFT_HOST:PORT@API_HOST:PORT");
    assertThatThrownBy(() -> ClusterPeers.parse("--peers", "S1=h:1@h:2"))
        .hasMessageContaining("member id \"S1\" must be 1-63 lowercase");
    assertThatThrownBy(() -> ClusterPeers.parse("--peers", "s1=h:70000@h:2"))
        .hasMessageContaining("Raft address of s1 must be HOST:PORT with a port within 1..65535");
    assertThatThrownBy(() -> ClusterPeers.parse("--peers", "s1=h:1@h:2,s1=h:3@h:4"))
        .hasMessage("--peers: member s1 is listed twice");
  }
}
