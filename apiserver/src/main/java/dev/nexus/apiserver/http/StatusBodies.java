package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.Status;

/**
 * Writes a {@link Status} in the shape Kubernetes clients parse: {@code {kind: Status, apiVersion:
 * v1, metadata: {}, status: Failure, message, reason, code, details: {name, kind, causes}}}.
 */
public final class StatusBodies {
  private StatusBodies() {}

  public static ObjectNode toJson(Status status) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("kind", "Status");
    n.put("apiVersion", "v1");
    n.putObject("metadata");
    n.put("status", status.code() < 400 ? "Success" : "Failure");
    n.put("message", status.message());
    n.put("reason", status.reason());
    Status.Details d = status.details();
    if (d != null) {
      ObjectNode details = n.putObject("details");
      if (d.name() != null) {
        details.put("name", d.name());
      }
      if (d.kind() != null) {
        details.put("kind", d.kind());
      }
      if (!d.causes().isEmpty()) {
        ArrayNode causes = details.putArray("causes");
        for (Status.Cause c : d.causes()) {
          ObjectNode cause = causes.addObject();
          if (c.reason() != null) {
            cause.put("reason", c.reason());
          }
          cause.put("message", c.message());
          if (c.field() != null) {
            cause.put("field", c.field());
          }
        }
      }
    }
    n.put("code", status.code());
    return n;
  }
}
