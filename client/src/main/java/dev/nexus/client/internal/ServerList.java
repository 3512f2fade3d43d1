package dev.nexus.client.internal;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API servers a client may use (the members of one cluster) and the one it uses now. Every
 * member serves the whole API, so a client stays with one until it fails, then moves on to the next
 * in order; concurrent callers that see the same failure move it only once.
 */
public final class ServerList {
  private final List<URI> servers;
  private final AtomicInteger current = new AtomicInteger();

  public ServerList(List<URI> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("at least one server URL is needed");
    }
    this.servers = servers.stream().map(Transport::checkServer).distinct().toList();
  }

  public List<URI> all() {
    return servers;
  }

  public int size() {
    return servers.size();
  }

  /** The server to send the next request to. */
  public URI current() {
    return servers.get(Math.floorMod(current.get(), servers.size()));
  }

  /** {@code failed} did not answer usefully: use the next server, unless someone already moved. */
  public void failed(URI failed) {
    int i = current.get();
    if (servers.get(Math.floorMod(i, servers.size())).equals(failed)) {
      current.compareAndSet(i, i + 1);
    }
  }
}
