package dev.nexus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.client.internal.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * The membership of the Raft group behind the API ({@code /cluster/...}): list the members, add or
 * remove one, move the leadership. Any member answers; changes go through the leader. Get one from
 * {@link NexusClient#cluster()}.
 */
public final class ClusterClient {
  /**
   * One member.
   *
   * @param apiAddress {@code host:port} of its HTTP API, null when the cluster does not know it
   */
  public record Member(String id, String raftAddress, String apiAddress, boolean leader) {}

  /**
   * The group as one member sees it.
   *
   * @param self the member that answered
   * @param leader the leader it knows of, null when none
   */
  public record Members(String self, String leader, List<Member> members) {}

  private static final String JSON = "application/json";

  private final Transport http;

  ClusterClient(Transport http) {
    this.http = http;
  }

  public Members members() {
    return decode(http.send("GET", "/cluster/members", null, null));
  }

  /**
   * Adds a member whose server already runs with {@code --join}; returns once it has caught up and
   * the group counts it.
   */
  public Members addMember(String id, String raftAddress, String apiAddress) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", id).put("raftAddress", raftAddress).put("apiAddress", apiAddress);
    return decode(http.send("POST", "/cluster/members", JSON, Json.toBytes(body)));
  }

  public Members removeMember(String id) {
    return decode(http.send("DELETE", "/cluster/members/" + id, null, null));
  }

  /** Makes {@code id} the leader; returns once it is. */
  public Members transferLeader(String id) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("id", id);
    return decode(http.send("POST", "/cluster/leader", JSON, Json.toBytes(body)));
  }

  private static Members decode(JsonNode n) {
    List<Member> members = new ArrayList<>();
    for (JsonNode m : n.path("members")) {
      members.add(
          new Member(
              m.path("id").asText(),
              m.path("raftAddress").asText(),
              m.path("apiAddress").asText(null),
              "leader".equals(m.path("role").asText())));
    }
    return new Members(n.path("self").asText(null), n.path("leader").asText(null), members);
  }
}
