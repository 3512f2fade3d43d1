package dev.nexus.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonPathsTest {
  private static ObjectNode json(String s) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(s);
  }

  @Test
  void readsDottedPathsWithIndexes() throws Exception {
    ObjectNode o = json("{\"spec\":{\"size\":\"small\",\"ports\":[{\"port\":80},{\"port\":81}]}}");
    assertThat(JsonPaths.read(o, ".spec.size").asText()).isEqualTo("small");
    assertThat(JsonPaths.read(o, "{.spec.ports[1].port}").asInt()).isEqualTo(81);
    assertThat(JsonPaths.read(o, "$.spec.size").asText()).isEqualTo("small");
    assertThat(JsonPaths.read(o, ".spec.missing").isMissingNode()).isTrue();
    assertThat(JsonPaths.read(o, ".spec.ports[?(@.port==80)]").isMissingNode()).isTrue();
    assertThat(JsonPaths.read(o, "spec.size").isMissingNode()).isTrue();
  }

  @Test
  void setsIntegersCreatingObjects() throws Exception {
    ObjectNode o = json("{\"spec\":{}}");
    assertThat(JsonPaths.setInt(o, ".spec.scaling.count", 3)).isTrue();
    assertThat(o.at("/spec/scaling/count").asInt()).isEqualTo(3);
    assertThat(JsonPaths.setInt(o, ".spec.list[0]", 3)).isFalse();
  }

  @Test
  void printerColumnsRenderLikeKubectl() throws Exception {
    ObjectNode o = json("{\"spec\":{\"size\":\"small\",\"tags\":[\"a\"]},\"status\":{}}");
    Instant now = Instant.parse("2025-01-01T00:10:00Z");
    assertThat(new PrinterColumn("Size", "string", ".spec.size", "", 0).text(o, now))
        .isEqualTo("small");
    assertThat(new PrinterColumn("Tags", "string", ".spec.tags", "", 0).text(o, now))
        .isEqualTo("[\"a\"]");
    assertThat(new PrinterColumn("Ready", "boolean", ".status.ready", "", 0).text(o, now))
        .isEqualTo("<none>");
    o.withObject("/status").put("since", "2025-01-01T00:05:00Z");
    assertThat(new PrinterColumn("Since", "date", ".status.since", "", 0).text(o, now))
        .isEqualTo("5m");
  }
}
