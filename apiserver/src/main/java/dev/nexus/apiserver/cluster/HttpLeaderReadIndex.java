package dev.nexus.apiserver.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.raft.LeaderReadIndex;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the leader's API listener for a read index ({@link ReadIndexEndpoint}) over a kept-alive
 * HTTP connection: one small blocking request per read-index round, on a virtual thread, where the
 * Raft client cost a follower several times the CPU and latency. Leader API addresses come from the
 * {@link MemberDirectory} and are remembered until a request to one fails.
 */
public final class HttpLeaderReadIndex implements LeaderReadIndex {
  private final MemberDirectory directory;
  private final WebClient http;
  private final Map<String, URI> uris = new ConcurrentHashMap<>();

  /**
   * @param timeout how long one request may take before it fails and the Raft client is asked
   *     instead; must be well below the read-index attempt timeout for that to happen in time
   */
  public HttpLeaderReadIndex(MemberDirectory directory, Duration timeout) {
    this.directory = directory;
    this.http =
        WebClient.builder()
            .connectTimeout(Duration.ofMillis(500))
            .readTimeout(timeout)
            .keepAlive(true)
            .build();
  }

  @Override
  public CompletableFuture<Long> ask(String leaderId) {
    // Nothing is remembered when no address is known: one may be recorded by the next round.
    URI uri = uris.computeIfAbsent(leaderId, this::resolve);
    if (uri == null) {
      return CompletableFuture.failedFuture(
          ApiException.unavailable("no API address is known for member " + leaderId));
    }
    return CompletableFuture.supplyAsync(() -> request(leaderId, uri), http.executor())
        .whenComplete(
            (index, error) -> {
              if (error != null) {
                uris.remove(leaderId, uri);
              }
            });
  }

  private long request(String leaderId, URI uri) {
    try (HttpClientResponse response = http.get().uri(uri).request()) {
      if (response.status().code() != 200) {
        throw ApiException.unavailable(
            "member " + leaderId + " answered the read-index request " + response.status());
      }
      JsonNode index = Json.MAPPER.readTree(response.entity().as(byte[].class)).path("index");
      if (!index.canConvertToLong()) {
        throw ApiException.unavailable("member " + leaderId + " sent no read index");
      }
      return index.asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The member's read-index URI, or null when no API address is known for it. */
  private URI resolve(String id) {
    for (MemberDirectory.Member m : directory.members()) {
      if (m.id().equals(id) && m.apiAddress() != null) {
        // Plain HTTP, as the API listener speaks today; the security issue moves both to TLS.
        return URI.create("http://" + m.apiAddress() + "/cluster/read-index");
      }
    }
    return null;
  }

  @Override
  public void close() {
    http.closeResource();
  }
}
