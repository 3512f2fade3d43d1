package dev.nexus.apiserver.storage.raft;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.ReconfigurationInProgressException;
import org.apache.ratis.protocol.exceptions.TransferLeadershipException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.util.TimeDuration;

/**
 * Changes the Raft group's membership at run time and reports it. Every call reads the division's
 * current configuration (not the one the member started with) and sends its request through a fresh
 * Ratis admin client addressed to the current members, which finds the leader itself.
 *
 * <p>Adding a member: the new member's server must already run with {@link StoreConfig#join()} (it
 * starts with no configuration, so it neither campaigns nor counts); the leader first catches it up
 * (from its log, or by installing a snapshot when the entries it needs are purged) and only then
 * commits the new configuration. Removing the leader makes it step down once the new configuration
 * is committed.
 */
public final class ClusterAdmin {
  /** One member of the current configuration. */
  public record Member(String id, String raftAddress, boolean leader, boolean self) {}

  private final RaftServer.Division division;
  private final RaftProperties properties;
  private final Duration timeout;

  ClusterAdmin(RaftServer.Division division, RaftProperties properties, Duration timeout) {
    this.division = division;
    this.properties = new RaftProperties(properties);
    RaftClientConfigKeys.Rpc.setRequestTimeout(
        this.properties, TimeDuration.valueOf(timeout.toMillis(), TimeUnit.MILLISECONDS));
    this.timeout = timeout;
  }

  /** This member's id. */
  public String self() {
    return division.getId().toString();
  }

  /** The members of the current configuration, by id. */
  public List<Member> members() {
    RaftPeerId leader = division.getInfo().getLeaderId();
    List<Member> out = new ArrayList<>();
    for (RaftPeer p : division.getRaftConf().getCurrentPeers()) {
      out.add(
          new Member(
              p.getId().toString(),
              p.getAddress(),
              p.getId().equals(leader),
              p.getId().equals(division.getId())));
    }
    out.sort(Comparator.comparing(Member::id));
    return out;
  }

  /**
   * Adds {@code id} at {@code raftAddress}; returns once the group has committed the configuration
   * that holds it (after the new member has caught up).
   */
  public void addMember(String id, String raftAddress) {
    List<RaftPeer> peers = new ArrayList<>(division.getRaftConf().getCurrentPeers());
    for (RaftPeer p : peers) {
      if (p.getId().toString().equals(id)) {
        throw ApiException.alreadyExists("member", id);
      }
    }
    peers.add(RaftPeer.newBuilder().setId(id).setAddress(raftAddress).build());
    setConfiguration(peers, "add member " + id);
  }

  /** Removes {@code id}; the leader steps down if it is the one removed. */
  public void removeMember(String id) {
    List<RaftPeer> peers = new ArrayList<>(division.getRaftConf().getCurrentPeers());
    if (!peers.removeIf(p -> p.getId().toString().equals(id))) {
      throw ApiException.notFound("member", id);
    }
    if (peers.isEmpty()) {
      throw ApiException.badRequest("id: cannot remove " + id + ", the group's only member");
    }
    setConfiguration(peers, "remove member " + id);
  }

  /** Makes {@code id} the leader; returns once it is. */
  public void transferLeadership(String id) {
    RaftPeerId target = RaftPeerId.valueOf(id);
    if (division.getRaftConf().getPeer(target) == null) {
      throw ApiException.notFound("member", id);
    }
    if (target.equals(division.getInfo().getLeaderId())) {
      return;
    }
    try (RaftClient client = client()) {
      check(client.admin().transferLeadership(target, timeout.toMillis()), "transfer leadership");
    } catch (IOException e) {
      throw failure("transfer leadership to " + id, e);
    }
    // The leader answered once the target won; wait until this member has heard of it too, so
    // that the caller's next request here already sees the new leader.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!target.equals(division.getInfo().getLeaderId()) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiException.unavailable("interrupted while waiting for " + id + " to lead");
      }
    }
  }

  private void setConfiguration(List<RaftPeer> peers, String what) {
    var args =
        SetConfigurationRequest.Arguments.newBuilder()
            .setServersInNewConf(peers)
            .setMode(SetConfigurationRequest.Mode.SET_UNCONDITIONALLY)
            .build();
    try (RaftClient client = client()) {
      check(client.admin().setConfiguration(args), what);
    } catch (IOException e) {
      throw failure(what, e);
    }
  }

  private RaftClient client() {
    return RaftClient.newBuilder()
        .setRaftGroup(division.getGroup())
        .setProperties(properties)
        .setRetryPolicy(
            RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                20, TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
        .build();
  }

  private static void check(RaftClientReply reply, String what) throws IOException {
    if (!reply.isSuccess()) {
      throw reply.getException() != null
          ? reply.getException()
          : new IOException(what + " was not accepted");
    }
  }

  private static ApiException failure(String what, IOException e) {
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof ReconfigurationInProgressException)) {
      t = t.getCause();
    }
    String detail = t.getClass().getSimpleName() + ": " + t.getMessage();
    if (t instanceof ReconfigurationInProgressException
        || t instanceof LeaderSteppingDownException
        || t instanceof TransferLeadershipException) {
      return new ApiException(
          new Status(409, "Conflict", "could not " + what + ": " + detail, null));
    }
    return ApiException.unavailable("could not " + what + ": " + detail);
  }
}
