package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Renders objects as a Kubernetes {@code meta.k8s.io Table} when a client asks for one ({@code
 * Accept: application/json;as=Table;v=v1;g=meta.k8s.io}), so that {@code kubectl get} prints useful
 * columns for Nexus kinds instead of just NAME and AGE.
 */
final class Tables {
  private final Clock clock;

  Tables(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param apiVersion {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}, as requested
   * @param includeObject {@code None}, {@code Metadata} (the default) or {@code Object}
   */
  ObjectNode table(
      String apiVersion,
      String kind,
      List<ObjectNode> objects,
      String resourceVersion,
      String continueToken,
      String includeObject) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode table = f.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", apiVersion);
    ObjectNode meta = table.putObject("metadata");
    if (resourceVersion != null) {
      meta.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null) {
      meta.put("continue", continueToken);
    }
    List<TableColumns.Column> columns = TableColumns.forKind(kind);
    ArrayNode defs = table.putArray("columnDefinitions");
    defs.add(def("Name", "string", "name", 0, "Name must be unique within a namespace."));
    for (TableColumns.Column c : columns) {
      defs.add(def(c.name(), c.type(), "", c.priority(), c.name()));
    }
    defs.add(def("Age", "string", "", 0, "Time since the object was created."));
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(o.path("metadata").path("name").asText());
      for (TableColumns.Column c : columns) {
        Object v = c.cell().apply(o);
        if (v instanceof Number n) {
          cells.add(n.longValue());
        } else {
          cells.add(String.valueOf(v));
        }
      }
      cells.add(age(o.path("metadata").path("creationTimestamp")));
      switch (includeObject == null ? "Metadata" : includeObject) {
        case "None" -> {}
        case "Object" -> row.set("object", o);
        default -> {
          ObjectNode partial = row.putObject("object");
          partial.put("kind", "PartialObjectMetadata");
          partial.put("apiVersion", "meta.k8s.io/v1");
          partial.set("metadata", o.path("metadata"));
        }
      }
    }
    return table;
  }

  private static ObjectNode def(
      String name, String type, String format, int priority, String description) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("name", name);
    d.put("type", type);
    d.put("format", format);
    d.put("description", description);
    d.put("priority", priority);
    return d;
  }

  private String age(JsonNode created) {
    if (!created.isTextual()) {
      return "<unknown>";
    }
    try {
      return humanDuration(Duration.between(Instant.parse(created.asText()), clock.instant()));
    } catch (DateTimeParseException e) {
      return "<unknown>";
    }
  }

  /** Kubernetes' {@code duration.HumanDuration}: 45s, 5m30s, 3h, 2d4h, 400d, 3y. */
  static String humanDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
