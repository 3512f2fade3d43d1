package dev.nexus.api.patch;

import static dev.nexus.api.patch.MergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import org.junit.jupiter.api.Test;

class ThreeWayTest {
  static JsonNode yaml(String s) {
    try {
      return Json.YAML.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  @Test
  void theWorkedExampleFromTheJavadoc() {
    JsonNode last = yaml("spec: {replicas: 3, image: a, debug: true}");
    JsonNode desired = yaml("spec: {image: b}");
    JsonNode live =
        yaml("spec: {replicas: 5, image: a, debug: true, paused: false}\nstatus: {ready: 5}");
    JsonNode patch = ThreeWay.patch(last, desired, live);
    assertThat(patch).isEqualTo(yaml("spec: {replicas: null, image: b, debug: null}"));
    assertThat(MergePatch.apply(live, patch))
        .isEqualTo(yaml("spec: {image: b, paused: false}\nstatus: {ready: 5}"));
  }

  @Test
  void fieldsOwnedBySomeoneElseSurviveReapply() {
    // The manifest never set replicas; an Autoscaler did. Re-applying the same manifest is a no-op.
    JsonNode manifest = yaml("metadata: {name: web, labels: {app: web}}\nspec: {image: a}");
    JsonNode live =
        yaml(
            "metadata: {name: web, labels: {app: web}, uid: u1, resourceVersion: '7'}\n"
                + "spec: {image: a, replicas: 9}\nstatus: {ready: 9}");
    assertThat(ThreeWay.patch(manifest, manifest, live)).isEqualTo(json("{}"));
  }

  @Test
  void aFieldDroppedFromTheManifestIsRemoved() {
    JsonNode last = yaml("metadata: {labels: {app: web, tier: fe}}");
    JsonNode desired = yaml("metadata: {labels: {app: web}}");
    JsonNode live = yaml("metadata: {labels: {app: web, tier: fe, added-by-ops: x}}");
    assertThat(ThreeWay.patch(last, desired, live))
        .isEqualTo(yaml("metadata: {labels: {tier: null}}"));
  }

  @Test
  void aFieldTheServerAlreadyLacksIsNotDeletedAgain() {
    JsonNode last = yaml("spec: {a: 1, b: 2}");
    JsonNode desired = yaml("spec: {a: 1}");
    JsonNode live = yaml("spec: {a: 1}");
    assertThat(ThreeWay.patch(last, desired, live)).isEqualTo(json("{}"));
  }

  @Test
  void arraysAreReplacedWhole() {
    JsonNode last = yaml("spec: {ports: [{port: 80}, {port: 443}]}");
    JsonNode desired = yaml("spec: {ports: [{port: 80}]}");
    JsonNode live = yaml("spec: {ports: [{port: 80, protocol: TCP}, {port: 443, protocol: TCP}]}");
    assertThat(ThreeWay.patch(last, desired, live)).isEqualTo(yaml("spec: {ports: [{port: 80}]}"));
  }

  @Test
  void theFirstApplyDeletesNothing() {
    JsonNode desired = yaml("spec: {a: 1}");
    JsonNode live = yaml("spec: {a: 2, b: 3}");
    assertThat(ThreeWay.patch(null, desired, live)).isEqualTo(yaml("spec: {a: 1}"));
    assertThat(ThreeWay.patch(null, desired, null)).isEqualTo(desired);
  }

  @Test
  void anExplicitNullDeletes() {
    JsonNode desired = yaml("spec: {a: null}");
    JsonNode live = yaml("spec: {a: 2, b: 3}");
    assertThat(ThreeWay.patch(null, desired, live)).isEqualTo(yaml("spec: {a: null}"));
  }

  @Test
  void anObjectReplacingAScalarIsSetWhole() {
    JsonNode desired = yaml("spec: {a: {b: 1}}");
    JsonNode live = yaml("spec: {a: 5}");
    assertThat(ThreeWay.patch(yaml("spec: {a: 5}"), desired, live)).isEqualTo(desired);
  }
}
