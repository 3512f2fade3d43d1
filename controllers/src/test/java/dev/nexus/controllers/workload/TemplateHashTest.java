package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import org.junit.jupiter.api.Test;

class TemplateHashTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void keyOrderDoesNotChangeTheHash() throws Exception {
    String a =
        TemplateHash.of(
            json(
                "{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"runtime\":\"process\","
                    + "\"command\":[\"/bin/true\"]}}"),
            null);
    String b =
        TemplateHash.of(
            json(
                "{\"spec\":{\"command\":[\"/bin/true\"],\"runtime\":\"process\"},"
                    + "\"metadata\":{\"labels\":{\"app\":\"web\"}}}"),
            null);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void anyChangeToTemplateOrPlacementChangesTheHash() throws Exception {
    JsonNode t = json("{\"spec\":{\"runtime\":\"process\",\"command\":[\"/bin/true\"]}}");
    JsonNode t2 = json("{\"spec\":{\"runtime\":\"process\",\"command\":[\"/bin/false\"]}}");
    JsonNode arrayOrder = json("{\"spec\":{\"runtime\":\"process\",\"command\":[\"b\",\"a\"]}}");
    JsonNode arrayOrder2 = json("{\"spec\":{\"runtime\":\"process\",\"command\":[\"a\",\"b\"]}}");
    assertThat(TemplateHash.of(t, null)).isNotEqualTo(TemplateHash.of(t2, null));
    assertThat(TemplateHash.of(arrayOrder, null)).isNotEqualTo(TemplateHash.of(arrayOrder2, null));
    assertThat(TemplateHash.of(t, null))
        .isNotEqualTo(TemplateHash.of(t, json("{\"nodeSelector\":{\"zone\":\"a\"}}")));
  }

  @Test
  void isAStableShortLabelValue() throws Exception {
    String h = TemplateHash.of(json("{\"spec\":{\"runtime\":\"process\"}}"), null);
    // Fixed forever: Instances created by one release must keep their hash in the next.
    assertThat(h).isEqualTo(TemplateHash.of(json("{\"spec\":{\"runtime\":\"process\"}}"), null));
    assertThat(h).hasSize(TemplateHash.LENGTH).matches("[bcdfghjkmnpqrstvwxz2456789]+");
  }
}
