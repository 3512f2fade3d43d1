package dev.nexus.apiserver.cluster;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.raft.RaftStore;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * {@code GET /cluster/read-index}: on the Raft leader, {@code {"index": N}} — its applied index
 * after a linearizable read-index round — for a follower about to serve a linearizable read ({@link
 * HttpLeaderReadIndex}); 503 on any other member. It reveals no data, only a log position.
 */
public final class ReadIndexEndpoint implements HttpService {
  private final RaftStore store;

  public ReadIndexEndpoint(RaftStore store) {
    this.store = store;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/read-index", this::readIndex);
  }

  private void readIndex(ServerRequest req, ServerResponse res) {
    long index;
    try {
      index = store.readIndexAsLeader().join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof ApiException api
          ? api
          : ApiException.unavailable("the read-index round did not complete: " + cause);
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(("{\"index\":" + index + "}").getBytes(StandardCharsets.US_ASCII));
  }
}
