package dev.nexus.apiserver.storage.raft;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachine;

/** The Raft group this member belongs to, and how to start its server. */
record RaftGroupSetup(
    RaftGroup group, RaftPeerId self, String address, RaftProperties properties, boolean join) {

  static RaftGroupSetup of(StoreConfig config, Path raftDir) throws IOException {
    // The store opens LMDB and starts Ratis right after this: get their JVM-wide set-up going.
    StartupWarmUp.begin();
    Map<String, String> members = config.members();
    String ownAddress = members.get(config.memberId());
    String host = ownAddress.substring(0, ownAddress.lastIndexOf(':'));
    int port = Integer.parseInt(ownAddress.substring(ownAddress.lastIndexOf(':') + 1));
    if (port == 0) {
      // Only a one-member group may get here (peers need real ports): nobody dials this
      // address but our own fallback client, so any free port will do.
      port = freePort(host);
      ownAddress = host + ":" + port;
    }
    List<RaftPeer> peers = new ArrayList<>();
    for (Map.Entry<String, String> m : members.entrySet()) {
      String address = m.getKey().equals(config.memberId()) ? ownAddress : m.getValue();
      peers.add(RaftPeer.newBuilder().setId(m.getKey()).setAddress(address).build());
    }
    RaftGroupId groupId =
        RaftGroupId.valueOf(
            UUID.nameUUIDFromBytes(
                ("nexus-raft-group/" + config.groupName()).getBytes(StandardCharsets.UTF_8)));
    RaftGroup group = RaftGroup.valueOf(groupId, peers);
    String bindHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    RaftProperties properties = RatisProperties.of(config, raftDir.toFile(), bindHost, port);
    return new RaftGroupSetup(
        group, RaftPeerId.valueOf(config.memberId()), ownAddress, properties, config.join());
  }

  RaftServer newServer(StateMachine stateMachine) throws IOException {
    return RaftServer.newBuilder()
        .setServerId(self)
        // A joining member starts with an empty configuration: it waits to be added instead of
        // campaigning in a group that does not know it. Its clients still use the full group.
        .setGroup(join ? RaftGroup.valueOf(group.getGroupId()) : group)
        .setStateMachine(stateMachine)
        .setProperties(properties)
        .setOption(RaftStorage.StartupOption.RECOVER)
        .build();
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return s.getLocalPort();
    }
  }
}
