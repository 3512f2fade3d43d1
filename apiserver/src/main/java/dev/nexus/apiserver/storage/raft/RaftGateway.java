package dev.nexus.apiserver.storage.raft;

import dev.nexus.api.error.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.ClientFactory;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientAsynchronousProtocol;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;

/**
 * Sends requests into the Raft group. On the leader a write is handed to the in-process server (no
 * serialization, no loopback socket); elsewhere, or when the leader turns out not to be ready, it
 * goes through a {@link RaftClient}, which finds the leader and retries. Read-index requests always
 * go to the in-process server, which asks the leader for the index if it is a follower; they are
 * retried here while there is no leader.
 */
final class RaftGateway implements AutoCloseable {
  private static final long RETRY_DELAY_MS = 20;

  /**
   * How long the client waits for a member's address to accept a connection before trying another
   * member (see {@link FailFastClientRpc}); far above a connect on a live network, far below the
   * request timeout.
   */
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

  /** The query a follower sends the leader to learn its applied index. */
  static final ByteString APPLIED_INDEX_QUERY = ByteString.copyFromUtf8("nexus/applied-index");

  private final RaftServer server;
  private final RaftServer.Division division;
  private final RaftGroup group;
  private final RaftProperties properties;
  private final Duration timeout;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final RaftClientAsynchronousProtocol direct;
  private final LongFunction<CompletableFuture<Void>> awaitApplied;
  private volatile LeaderReadIndex fastPath;
  private final LongAdder clientReadIndexRounds = new LongAdder();
  private volatile RaftClient client;
  private volatile RaftGroup clientGroup;
  private final List<RaftClient> retired = new CopyOnWriteArrayList<>();

  RaftGateway(
      RaftServer server,
      RaftGroup group,
      RaftProperties properties,
      Duration timeout,
      LongFunction<CompletableFuture<Void>> awaitApplied)
      throws IOException {
    this.awaitApplied = awaitApplied;
    this.server = server;
    this.division = server.getDivision(group.getGroupId());
    this.direct = division instanceof RaftClientAsynchronousProtocol p ? p : null;
    this.group = group;
    this.properties = properties;
    this.timeout = timeout;
  }

  RaftServer.Division division() {
    return division;
  }

  /** Replicates {@code command}; completes with the state machine's reply message. */
  CompletableFuture<Message> write(Message command) {
    if (!division.getInfo().isLeader()) {
      return viaClient(command);
    }
    return local(command, RaftClientRequest.writeRequestType())
        .thenCompose(
            reply -> {
              if (reply.isSuccess()) {
                return CompletableFuture.completedFuture(reply.getMessage());
              }
              if (reply.getNotLeaderException() != null
                  || reply.getLeaderNotReadyException() != null) {
                return viaClient(command);
              }
              throw new CompletionException(StorageFailures.of("commit", reply.getException()));
            });
  }

  /**
   * Completes once this replica has applied everything committed before the call, retrying until
   * the request timeout while the group has no usable leader. The leader asks its own server for a
   * read index (in process, answered from its lease when it holds one); a follower asks the leader
   * for the leader's applied index ({@link #leaderAppliedIndex}) and waits to apply as much itself.
   * (Ratis's own follower read index needs a server-to-server call that its Netty transport does
   * not offer, and on gRPC waited milliseconds for the next heartbeat; this works on every
   * transport.)
   */
  CompletableFuture<Void> readIndex() {
    long deadline = System.nanoTime() + timeout.toNanos();
    return readIndex(deadline);
  }

  private CompletableFuture<Void> readIndex(long deadline) {
    // Each attempt is bounded: a read-index request Ratis never answers (seen on a leader after a
    // leadership transfer) would otherwise hold the read barrier's only round forever, and every
    // later linearizable read on this member with it. A stuck attempt is abandoned and retried.
    long attemptMs =
        Math.max(1, Math.min((deadline - System.nanoTime()) / 1_000_000, timeout.toMillis() / 5));
    CompletableFuture<Void> attempt =
        (division.getInfo().isLeader() ? leaderReadIndex() : followerReadIndex())
            .orTimeout(attemptMs, TimeUnit.MILLISECONDS);
    return attempt
        .handle(
            (ok, error) -> {
              if (error == null) {
                return CompletableFuture.<Void>completedFuture(null);
              }
              retireIfClosed(client, error);
              if (System.nanoTime() > deadline) {
                throw new CompletionException(StorageFailures.of("linearizable read", error));
              }
              return CompletableFuture.supplyAsync(
                      () -> null,
                      CompletableFuture.delayedExecutor(RETRY_DELAY_MS, TimeUnit.MILLISECONDS))
                  .thenCompose(x -> readIndex(deadline));
            })
        .thenCompose(f -> f);
  }

  private CompletableFuture<Void> leaderReadIndex() {
    return local(Message.EMPTY, RaftClientRequest.readRequestType())
        .thenApply(
            reply -> {
              if (!reply.isSuccess()) {
                throw new CompletionException(reply.getException());
              }
              return null;
            });
  }

  private CompletableFuture<Void> followerReadIndex() {
    return leaderAppliedIndex().thenCompose(awaitApplied::apply);
  }

  /** From now on a follower asks the leader for read indexes through {@code path} first. */
  void leaderReadIndexVia(LeaderReadIndex path) {
    this.fastPath = path;
  }

  /** Read-index rounds sent through the Raft client: no fast path was set, or it failed. */
  long clientReadIndexRounds() {
    return clientReadIndexRounds.sum();
  }

  /**
   * The leader's applied index (at least its commit index when the read was admitted), asked from
   * the leader itself, through the {@link LeaderReadIndex} path when one is set and otherwise (or
   * when it fails) through the Raft client; fails when no leader is known or it cannot be reached.
   */
  CompletableFuture<Long> leaderAppliedIndex() {
    RaftPeerId leader = division.getInfo().getLeaderId();
    if (leader == null) {
      return CompletableFuture.failedFuture(
          ApiException.unavailable("no Raft leader is known to member " + server.getId()));
    }
    LeaderReadIndex path = fastPath;
    if (path == null) {
      return leaderAppliedIndexViaClient(leader);
    }
    return path.ask(leader.toString())
        .exceptionallyCompose(e -> leaderAppliedIndexViaClient(leader));
  }

  private CompletableFuture<Long> leaderAppliedIndexViaClient(RaftPeerId leader) {
    clientReadIndexRounds.increment();
    // Addressed to the leader itself: a follower would try to serve the read on its own.
    return client()
        .async()
        .sendReadOnly(Message.valueOf(APPLIED_INDEX_QUERY), leader)
        .thenApply(RaftGateway::appliedIndexOf);
  }

  /**
   * The leader's applied index without a read-index round, for readiness only (a deposed leader
   * that does not know it yet may answer: a readiness estimate may be stale, a read may not). A
   * non-linearizable query is answered by the leader alone — a follower that gets it says "not
   * leader" and the client goes on to the leader — whereas a linearizable one reaching a follower
   * (leader information a moment stale) makes it attempt a read index of its own, which Ratis's
   * Netty transport cannot do: the client then retried forever and the member never became ready.
   */
  CompletableFuture<Long> leaderAppliedIndexEstimate() {
    return client()
        .async()
        .sendReadOnlyNonLinearizable(Message.valueOf(APPLIED_INDEX_QUERY))
        .thenApply(RaftGateway::appliedIndexOf);
  }

  private static long appliedIndexOf(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      throw new CompletionException(reply.getException());
    }
    return reply.getMessage().getContent().asReadOnlyByteBuffer().getLong();
  }

  private CompletableFuture<RaftClientReply> local(Message m, RaftClientRequest.Type type) {
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(clientId)
            .setServerId(server.getId())
            .setGroupId(group.getGroupId())
            .setCallId(callIds.incrementAndGet())
            .setMessage(m)
            .setType(type)
            .setTimeoutMs(timeout.toMillis())
            .build();
    try {
      // The division takes the request on the calling thread; the server proxy would hop to
      // Ratis's client thread pool and block the caller until it got there.
      return direct != null
          ? direct.submitClientRequestAsync(request)
          : server.submitClientRequestAsync(request);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          ApiException.unavailable("storage is not running: " + e.getMessage()));
    }
  }

  private CompletableFuture<Message> viaClient(Message command) {
    RaftClient c = client();
    return c.async()
        .send(command)
        .handle(
            (reply, error) -> {
              if (error != null) {
                retireIfClosed(c, error);
                throw new CompletionException(StorageFailures.of("commit", error));
              }
              if (!reply.isSuccess()) {
                throw new CompletionException(StorageFailures.of("commit", reply.getException()));
              }
              return reply.getMessage();
            });
  }

  /**
   * The client for forwarded writes and read-index queries, addressed to the current members: it is
   * rebuilt when the configuration changed since it was made (a member that joined started with
   * none, and a group may outgrow the members it started with). Replaced clients are closed with
   * the gateway, since requests may still be on their way through them.
   */
  private RaftClient client() {
    RaftGroup current = division.getGroup();
    if (current.getPeers().isEmpty()) {
      current = group; // not yet added to a configuration: the members it was told about
    }
    RaftPeerId leader = division.getInfo().getLeaderId();
    RaftClient c = client;
    if (stale(c, current, leader)) {
      synchronized (this) {
        c = client;
        if (stale(c, current, leader)) {
          if (c != null) {
            retire(c);
          }
          long sleepMs = 50;
          // About the request timeout, which decides when the caller is answered: when every
          // member fails fast (all unreachable), the retries alone would otherwise end well before
          // it. They may still end a little early, since a NotLeaderException is retried at once.
          int attempts = (int) Math.max(1, timeout.toMillis() / sleepMs) + 4;
          ClientId id = ClientId.randomId();
          RaftClient.Builder b =
              RaftClient.newBuilder()
                  .setClientId(id)
                  .setRaftGroup(current)
                  .setProperties(properties)
                  .setClientRpc(
                      new FailFastClientRpc(
                          ClientFactory.cast(
                                  RaftConfigKeys.Rpc.type(properties, m -> {})
                                      .newFactory(new Parameters()))
                              .newRaftClientRpc(id, properties),
                          PROBE_TIMEOUT))
                  .setRetryPolicy(
                      RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                          attempts, TimeDuration.valueOf(sleepMs, TimeUnit.MILLISECONDS)));
          if (leader != null && current.getPeer(leader) != null) {
            b.setLeaderId(leader);
          }
          c = b.build();
          clientGroup = current;
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * A client is replaced when the members changed, and when this member has heard from a leader
   * other than the one the client believes in: the client learns of a new leader only when a
   * request to the old one fails, and a leader whose host vanished fails nothing until the client's
   * request timeout, so every write forwarded in the meantime would wait for it.
   */
  private boolean stale(RaftClient c, RaftGroup current, RaftPeerId leader) {
    if (c == null || !peers(current).equals(peers(clientGroup))) {
      return true;
    }
    return leader != null && !leader.equals(c.getLeaderId()) && current.getPeer(leader) != null;
  }

  /**
   * Ratis closes an async client's ordered request window for good once a request in it fails (as
   * on a member cut off from the majority for longer than the retries last): every later request
   * through it fails at once with AlreadyClosedException, even after the network heals. Such a
   * client is retired so that the next request builds a fresh one.
   */
  private void retireIfClosed(RaftClient used, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AlreadyClosedException) {
        synchronized (this) {
          if (used != null && client == used) {
            retire(used);
            client = null;
          }
        }
        return;
      }
    }
  }

  /**
   * Closes a replaced client once the requests still on their way through it have had their time
   * (each client holds an event loop, so leader changes must not pile them up).
   */
  private void retire(RaftClient c) {
    retired.add(c);
    CompletableFuture.delayedExecutor(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (retired.remove(c)) {
                closeQuietly(c);
              }
            });
  }

  private static void closeQuietly(RaftClient c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing; nothing left to tell anyone
    }
  }

  private static java.util.Set<String> peers(RaftGroup g) {
    java.util.Set<String> out = new java.util.HashSet<>();
    g.getPeers().forEach(p -> out.add(p.getId() + "=" + p.getAddress()));
    return out;
  }

  @Override
  public void close() {
    LeaderReadIndex path = fastPath;
    if (path != null) {
      path.close();
    }
    List<RaftClient> all = new java.util.ArrayList<>(retired);
    if (client != null) {
      all.add(client);
    }
    retired.clear();
    all.forEach(RaftGateway::closeQuietly);
  }
}
