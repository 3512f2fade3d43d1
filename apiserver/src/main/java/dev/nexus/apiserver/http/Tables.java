package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.Age;
import dev.nexus.apiserver.crd.CustomKinds;
import java.time.Clock;
import java.util.List;

/**
 * Renders objects as a Kubernetes {@code meta.k8s.io Table} when a client asks for one ({@code
 * Accept: application/json;as=Table;v=v1;g=meta.k8s.io}), so that {@code kubectl get} prints useful
 * columns for Nexus kinds instead of just NAME and AGE.
 */
final class Tables {
  private final Clock clock;
  private final CustomKinds custom;

  Tables(Clock clock, CustomKinds custom) {
    this.clock = clock;
    this.custom = custom;
  }

  /**
   * @param apiVersion {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}, as requested
   * @param includeObject {@code None}, {@code Metadata} (the default) or {@code Object}
   */
  ObjectNode table(
      String apiVersion,
      KindInfo kind,
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
    List<TableColumns.Column> columns =
        custom
            .lookup(kind)
            .map(r -> TableColumns.printerColumns(r.columns(), clock))
            .orElseGet(() -> TableColumns.forKind(kind.kind()));
    ArrayNode defs = table.putArray("columnDefinitions");
    defs.add(def("Name", "string", "name", 0, "Name must be unique within a namespace."));
    for (TableColumns.Column c : columns) {
      defs.add(def(c.name(), c.type(), c.format(), c.priority(), c.description()));
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
        } else if (v instanceof JsonNode node) {
          cells.add(node);
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
    return Age.since(created.isTextual() ? created.asText() : null, clock.instant());
  }
}
