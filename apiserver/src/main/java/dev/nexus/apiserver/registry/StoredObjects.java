package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.apiserver.storage.StoredObject;
import java.util.Comparator;

/**
 * Converts between API objects and stored values. Storage never holds {@code resourceVersion}: it
 * is the key's modification revision, known only after the write, so a read fills it in.
 */
public final class StoredObjects {
  private StoredObjects() {}

  public static ObjectNode decode(StoredObject stored) {
    return decode(stored.value(), stored.modRevision());
  }

  public static ObjectNode decode(byte[] value, long revision) {
    ObjectNode node = (ObjectNode) Json.parse(value);
    metadata(node).put("resourceVersion", Long.toString(revision));
    return node;
  }

  /** The bytes to store: the object without {@code metadata.resourceVersion}. */
  public static byte[] encode(ObjectNode object) {
    if (object.get("metadata") instanceof ObjectNode m && !m.has("resourceVersion")) {
      return Json.toBytes(object); // nothing to drop: no copy needed
    }
    ObjectNode copy = object.deepCopy();
    metadata(copy).remove("resourceVersion");
    return Json.toBytes(copy);
  }

  /**
   * Whether two objects are the same document: numbers compare by value, so {@code 1} parsed from
   * storage equals a {@code 1L} set by the server.
   */
  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMERIC_VALUE, b);
  }

  private static final Comparator<JsonNode> NUMERIC_VALUE =
      (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
          return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
      };

  static ObjectNode metadata(ObjectNode node) {
    return node.get("metadata") instanceof ObjectNode m ? m : node.putObject("metadata");
  }
}
