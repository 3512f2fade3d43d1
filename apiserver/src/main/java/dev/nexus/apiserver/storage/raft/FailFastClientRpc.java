package dev.nexus.apiserver.storage.raft;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.util.NetUtils;

/**
 * The Raft client's transport, made to fail fast on a member whose host has vanished. Ratis's Netty
 * client opens its connection to a member synchronously with Netty's fixed 30 s connect timeout:
 * when a member's address stops answering altogether (its container or machine is gone, so no
 * connection is refused), every request routed to it, and every request queued behind that one,
 * waited half a minute before the client tried another member. Here a member is probed with a plain
 * connect bounded by {@code probeTimeout} before it is first used and again after each failure the
 * client reports; one that does not answer is skipped (the request fails at once with a {@link
 * ConnectException}, which makes the client try another member) until a later probe succeeds.
 */
final class FailFastClientRpc implements RaftClientRpc {
  private final RaftClientRpc delegate;
  private final long probeTimeoutMs;
  private final Map<RaftPeerId, Peer> peers = new ConcurrentHashMap<>();

  FailFastClientRpc(RaftClientRpc delegate, Duration probeTimeout) {
    this.delegate = delegate;
    this.probeTimeoutMs = probeTimeout.toMillis();
  }

  @Override
  public CompletableFuture<RaftClientReply> sendRequestAsync(RaftClientRequest request) {
    return ifReachable(request, delegate::sendRequestAsync);
  }

  @Override
  public CompletableFuture<RaftClientReply> sendRequestAsyncUnordered(RaftClientRequest request) {
    return ifReachable(request, delegate::sendRequestAsyncUnordered);
  }

  private CompletableFuture<RaftClientReply> ifReachable(
      RaftClientRequest request,
      Function<RaftClientRequest, CompletableFuture<RaftClientReply>> send) {
    IOException unreachable = check(request.getServerId());
    return unreachable != null ? CompletableFuture.failedFuture(unreachable) : send.apply(request);
  }

  @Override
  public RaftClientReply sendRequest(RaftClientRequest request) throws IOException {
    IOException unreachable = check(request.getServerId());
    if (unreachable != null) {
      throw unreachable;
    }
    return delegate.sendRequest(request);
  }

  @Override
  public boolean handleException(RaftPeerId serverId, Throwable t, boolean reconnect) {
    Peer p = peers.get(serverId);
    if (p != null) {
      p.suspect(); // a request to it failed: make sure it still answers before the next one
    }
    return delegate.handleException(serverId, t, reconnect);
  }

  @Override
  public boolean shouldReconnect(Throwable e) {
    return delegate.shouldReconnect(e);
  }

  @Override
  public void addRaftPeers(Collection<RaftPeer> added) {
    for (RaftPeer peer : added) {
      peers.put(peer.getId(), new Peer(peer.getAddress()));
    }
    delegate.addRaftPeers(added);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  /** Null when the member may be used; otherwise why not. */
  private IOException check(RaftPeerId id) {
    Peer p = id == null ? null : peers.get(id);
    return p == null ? null : p.check(id, probeTimeoutMs);
  }

  /** What is known of one member's address; probes are one at a time. */
  private static final class Peer {
    private final String address;
    private boolean verified;
    private long downUntilNanos;

    Peer(String address) {
      this.address = address;
    }

    synchronized void suspect() {
      verified = false;
    }

    synchronized IOException check(RaftPeerId id, long timeoutMs) {
      if (verified || address == null) {
        return null;
      }
      if (System.nanoTime() - downUntilNanos < 0) {
        return new ConnectException(id + " at " + address + " did not answer a moment ago");
      }
      try (Socket s = new Socket()) {
        InetSocketAddress target = NetUtils.createSocketAddr(address);
        s.connect(target, (int) timeoutMs);
        verified = true;
        return null;
      } catch (IOException | IllegalArgumentException e) {
        // Skipped for as long as a probe may take, then probed again.
        downUntilNanos = System.nanoTime() + timeoutMs * 1_000_000;
        return new ConnectException(
            id + " at " + address + " did not answer within " + timeoutMs + " ms: " + e);
      }
    }
  }
}
