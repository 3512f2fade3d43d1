package dev.nexus.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-01T10:05:00Z");
  private static final Instant T3 = Instant.parse("2026-01-01T10:09:00Z");

  @Test
  void setAddsAConditionWithItsTransitionTime() {
    ObjectNode status = Json.MAPPER.createObjectNode();
    assertThat(Conditions.set(status, "Ready", "False", "Starting", "0/3 ready", T1)).isTrue();
    var c = Conditions.get(status, "Ready").orElseThrow();
    assertThat(c.status()).isEqualTo("False");
    assertThat(c.reason()).isEqualTo("Starting");
    assertThat(c.message()).isEqualTo("0/3 ready");
    assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(Conditions.isTrue(status, "Ready")).isFalse();
  }

  @Test
  void transitionTimeMovesOnlyWhenTheStatusFlips() {
    ObjectNode status = Json.MAPPER.createObjectNode();
    Conditions.set(status, "Ready", "False", "Starting", "0/3 ready", T1);
    assertThat(Conditions.set(status, "Ready", "False", "Starting", "1/3 ready", T2))
        .as("message changed")
        .isTrue();
    assertThat(Conditions.get(status, "Ready").orElseThrow().lastTransitionTime())
        .isEqualTo("2026-01-01T10:00:00Z");
    assertThat(Conditions.set(status, "Ready", "True", "AllReady", "3/3 ready", T3)).isTrue();
    assertThat(Conditions.get(status, "Ready").orElseThrow().lastTransitionTime())
        .isEqualTo("2026-01-01T10:09:00Z");
    assertThat(Conditions.isTrue(status, "Ready")).isTrue();
  }

  @Test
  void settingTheSameConditionAgainChangesNothing() {
    ObjectNode status = Json.MAPPER.createObjectNode();
    Conditions.set(status, "Ready", true, "AllReady", "3/3 ready");
    ObjectNode before = status.deepCopy();
    assertThat(Conditions.set(status, "Ready", true, "AllReady", "3/3 ready")).isFalse();
    assertThat(status).isEqualTo(before);
  }

  @Test
  void conditionsOfOtherTypesAreLeftAlone() {
    ObjectNode status = Json.MAPPER.createObjectNode();
    Conditions.set(status, "Ready", "True", "AllReady", null, T1);
    Conditions.set(status, "Progressing", "True", "NewInstances", "rolling", T2);
    assertThat(status.get("conditions")).hasSize(2);
    assertThat(Conditions.get(status, "Ready").orElseThrow().message()).isNull();
    assertThat(Conditions.remove(status, "Ready")).isTrue();
    assertThat(Conditions.get(status, "Ready")).isEmpty();
    assertThat(Conditions.get(status, "Progressing")).isPresent();
    assertThat(Conditions.get(null, "Ready")).isEmpty();
  }

  @Test
  void aStatusOtherThanTrueFalseUnknownIsRefused() {
    ObjectNode status = Json.MAPPER.createObjectNode();
    assertThatThrownBy(() -> Conditions.set(status, "Ready", "yes", "R", "m", T1))
        .hasMessageContaining("condition Ready: status must be True, False or Unknown, not yes");
  }
}
