package dev.nexus.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import org.junit.jupiter.api.Test;

class DeleteOptionsTest {
  private static ObjectNode body(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  @Test
  void readsPolicyAndPreconditions() throws Exception {
    DeleteOptions o =
        DeleteOptions.from(
            body(
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\","
                    + "\"preconditions\":{\"resourceVersion\":\"5\",\"uid\":\"u\"}}"),
            null);
    assertThat(o).isEqualTo(new DeleteOptions("Foreground", "5", "u"));
    assertThat(DeleteOptions.from(null, "Orphan").propagationPolicy()).isEqualTo("Orphan");
    assertThat(DeleteOptions.from(body("{\"orphanDependents\":true}"), null).propagationPolicy())
        .isEqualTo("Orphan");
  }

  @Test
  void refusesWhatItCannotHonour() {
    assertThatThrownBy(() -> DeleteOptions.from(body("{\"propagationPolicy\":\"x\"}"), null))
        .hasMessageStartingWith("propagationPolicy:");
    assertThatThrownBy(() -> DeleteOptions.from(body("{\"dryRun\":[\"All\"]}"), null))
        .hasMessageStartingWith("dryRun:");
    assertThatThrownBy(() -> DeleteOptions.from(body("{\"kind\":\"Workload\"}"), null))
        .hasMessageContaining("DeleteOptions");
  }
}
