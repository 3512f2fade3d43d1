package dev.nexus.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.model.Age;
import java.time.Instant;

/**
 * One of a CRD version's {@code additionalPrinterColumns}.
 *
 * @param name the header, e.g. {@code Size}
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
 * @param jsonPath where the value is, e.g. {@code .spec.size} (see {@link JsonPaths})
 * @param description shown in Table column definitions
 * @param priority 0 for the default view, more for {@code -o wide}
 */
public record PrinterColumn(
    String name, String type, String jsonPath, String description, int priority) {

  /** The value at {@link #jsonPath} in {@code object}, or missing. */
  public JsonNode value(JsonNode object) {
    return JsonPaths.read(object, jsonPath);
  }

  /**
   * The cell as text, the way kubectl prints it: {@code <none>} when absent, a {@code date} as an
   * age ({@code 5m}), scalars as they are, objects and arrays as JSON.
   */
  public String text(JsonNode object, Instant now) {
    JsonNode v = value(object);
    if (v == null || v.isMissingNode() || v.isNull()) {
      return "<none>";
    }
    if ("date".equals(type) && v.isTextual()) {
      return Age.since(v.asText(), now);
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
