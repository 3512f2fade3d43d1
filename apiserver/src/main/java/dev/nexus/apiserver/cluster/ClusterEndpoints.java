package dev.nexus.apiserver.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code /cluster/members} (GET lists, POST adds {@code {"id", "raftAddress", "apiAddress"}}),
 * {@code /cluster/members/{id}} (DELETE removes) and {@code /cluster/leader} (POST {@code {"id"}}
 * moves the leadership). Every answer that succeeds is the member list after the change.
 */
public final class ClusterEndpoints implements HttpService {
  private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ADDRESS = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:(\\d{1,5})");
  private static final int MAX_BODY = 64 << 10;

  private final MemberDirectory directory;

  public ClusterEndpoints(MemberDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/members", (req, res) -> send(res, 200))
        .post("/members", this::add)
        .delete("/members/{id}", this::remove)
        .post("/leader", this::transfer);
  }

  private void add(ServerRequest req, ServerResponse res) {
    JsonNode body = body(req);
    String id = id(body.path("id").asText(null), "id");
    String raft = address(body.path("raftAddress").asText(null), "raftAddress");
    String api = address(body.path("apiAddress").asText(null), "apiAddress");
    directory.add(id, raft, api);
    send(res, 201);
  }

  private void remove(ServerRequest req, ServerResponse res) {
    directory.remove(id(req.path().pathParameters().get("id"), "id"));
    send(res, 200);
  }

  private void transfer(ServerRequest req, ServerResponse res) {
    directory.transferLeadership(id(body(req).path("id").asText(null), "id"));
    send(res, 200);
  }

  private void send(ServerResponse res, int code) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("self", directory.self());
    ArrayNode members = out.putArray("members");
    for (MemberDirectory.Member m : directory.members()) {
      ObjectNode o = members.addObject();
      o.put("id", m.id());
      o.put("raftAddress", m.raftAddress());
      if (m.apiAddress() != null) {
        o.put("apiAddress", m.apiAddress());
      }
      o.put("role", m.leader() ? "leader" : "follower");
      if (m.leader()) {
        out.put("leader", m.id());
      }
    }
    res.status(code);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(Json.toBytes(out));
  }

  private static JsonNode body(ServerRequest req) {
    try {
      byte[] bytes = req.content().inputStream().readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw ApiException.tooLarge("the request body is larger than " + MAX_BODY + " bytes");
      }
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("the request body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON body: " + e.getMessage());
    }
  }

  private static String id(String id, String field) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          field
              + ": must be 1-63 lowercase letters, digits or '-', starting and ending"
              + " alphanumeric, was "
              + (id == null ? "missing" : "\"" + id + "\""));
    }
    return id;
  }

  private static String address(String address, String field) {
    var m = address == null ? null : ADDRESS.matcher(address);
    if (m == null
        || !m.matches()
        || Integer.parseInt(m.group(1)) < 1
        || Integer.parseInt(m.group(1)) > 65535) {
      throw ApiException.badRequest(
          field
              + ": must be HOST:PORT with a port within 1..65535, was "
              + (address == null ? "missing" : "\"" + address + "\""));
    }
    return address;
  }
}
