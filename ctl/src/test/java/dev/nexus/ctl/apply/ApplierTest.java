package dev.nexus.ctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.model.ApiObject;
import org.junit.jupiter.api.Test;

class ApplierTest {
  @Test
  void lastAppliedRecordsTheManifestWithoutItself() throws Exception {
    ObjectNode manifest =
        (ObjectNode)
            Json.YAML.readTree(
                """
                kind: Workload
                metadata:
                  name: web
                  annotations: {nexus.dev/last-applied-configuration: stale, owner: team-a}
                spec: {replicas: 2}
                """);
    ObjectNode desired = Applier.withLastApplied(manifest);

    String recorded = new ApiObject(desired).annotations().get(Applier.LAST_APPLIED);
    assertThat(Json.MAPPER.readTree(recorded))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"kind\":\"Workload\",\"metadata\":{\"name\":\"web\","
                    + "\"annotations\":{\"owner\":\"team-a\"}},\"spec\":{\"replicas\":2}}"));
    assertThat(new ApiObject(desired).annotations()).containsEntry("owner", "team-a");
    assertThat(manifest.path("metadata").path("annotations").path("owner").asText())
        .isEqualTo("team-a");
  }

  @Test
  void missingOrUnreadableAnnotationMeansNeverApplied() throws Exception {
    ApiObject never = new ApiObject((ObjectNode) Json.YAML.readTree("metadata: {name: x}"));
    assertThat(Applier.lastApplied(never).isEmpty()).isTrue();
    ApiObject garbled =
        new ApiObject(
            (ObjectNode)
                Json.YAML.readTree(
                    "metadata: {name: x, annotations: {nexus.dev/last-applied-configuration: '{'}}"));
    assertThat(Applier.lastApplied(garbled).isEmpty()).isTrue();
  }
}
