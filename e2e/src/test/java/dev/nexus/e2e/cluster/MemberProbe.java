package dev.nexus.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Short-timeout HTTP questions to one member at a time, answered with "don't know" (empty, -1,
 * false) when it does not answer, so tests can poll through faults.
 */
public final class MemberProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private MemberProbe() {}

  /** GET {@code path} on {@code member}; empty when it cannot be reached in time. */
  public static Optional<HttpResponse<String>> get(URI member, String path) {
    try {
      return Optional.of(
          HTTP.send(
              HttpRequest.newBuilder(member.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public static boolean ready(URI member) {
    return get(member, "/readyz").map(r -> r.statusCode() == 200).orElse(false);
  }

  /** The leader {@code member} knows of (its own view, no forwarding); empty when none. */
  public static Optional<String> leaderSeenBy(URI member) {
    return get(member, "/cluster/members")
        .filter(r -> r.statusCode() == 200)
        .map(r -> tree(r.body()).path("leader").asText(""))
        .filter(s -> !s.isEmpty());
  }

  /**
   * {@code member}'s Raft role from /metrics (LEADER, FOLLOWER, CANDIDATE, ...); empty if unknown.
   */
  public static Optional<String> role(URI member) {
    return get(member, "/metrics")
        .filter(r -> r.statusCode() == 200)
        .flatMap(
            r ->
                r.body()
                    .lines()
                    .filter(l -> l.startsWith("nexus_raft_role{") && l.endsWith(" 1.0"))
                    .map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"')))
                    .findFirst());
  }

  /** An unlabelled gauge or counter from /metrics; -1 when absent or unreachable. */
  public static double metric(URI member, String name) {
    return get(member, "/metrics")
        .filter(r -> r.statusCode() == 200)
        .flatMap(
            r ->
                r.body()
                    .lines()
                    .filter(l -> l.startsWith(name + " "))
                    .map(l -> Double.parseDouble(l.substring(name.length() + 1).strip()))
                    .findFirst())
        .orElse(-1.0);
  }

  static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }
}
