package dev.nexus.apiserver.cluster;

import dev.nexus.apiserver.storage.raft.RaftStore;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

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
    long index = store.readIndexAsLeader();
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(("{\"index\":" + index + "}").getBytes(StandardCharsets.US_ASCII));
  }
}
