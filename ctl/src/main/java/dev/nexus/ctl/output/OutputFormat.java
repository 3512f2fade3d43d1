package dev.nexus.ctl.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import java.util.List;
import java.util.Locale;

/** The {@code -o} formats of {@code get}. */
public enum OutputFormat {
  TABLE,
  WIDE,
  YAML,
  JSON,
  NAME;

  /** Parses {@code -o}; an unknown value is an error naming the accepted ones. */
  public static OutputFormat parse(String value) {
    if (value == null || value.isEmpty()) {
      return TABLE;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-o: unknown output format \"" + value + "\" (use table, wide, yaml, json or name)");
    }
  }

  public boolean isTable() {
    return this == TABLE || this == WIDE;
  }

  /** One object as a document in this format (YAML, JSON or name), ending with a newline. */
  public String document(KindInfo kind, ApiObject object) {
    return switch (this) {
      case YAML -> Json.toYaml(object.node());
      case JSON -> Json.toPrettyJson(object.node()) + "\n";
      case NAME -> ObjectTable.qualifiedName(kind, object.name()) + "\n";
      default -> throw new IllegalStateException("not a document format: " + this);
    };
  }

  /**
   * Several objects: a {@code kind: List} for YAML and JSON (which {@code apply -f} reads back),
   * one name per line for NAME.
   */
  public String documents(KindInfo kind, List<ApiObject> objects, String resourceVersion) {
    if (this == NAME) {
      StringBuilder b = new StringBuilder();
      objects.forEach(o -> b.append(document(kind, o)));
      return b.toString();
    }
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    objects.forEach(o -> items.add(o.node()));
    list.putObject("metadata")
        .put("resourceVersion", resourceVersion == null ? "" : resourceVersion);
    return this == YAML ? Json.toYaml(list) : Json.toPrettyJson(list) + "\n";
  }
}
