package dev.nexus.client.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.model.ApiObject;
import org.junit.jupiter.api.Test;

class FinalizersTest {
  private static final String F = "nexus.dev/cleanup";

  @Test
  void addIsIdempotentAndReportsWhetherItChangedTheObject() {
    ApiObject o = ApiObject.of("nexus.dev/v1", "Workload", "demo", "web");
    assertThat(Finalizers.has(o, F)).isFalse();
    assertThat(Finalizers.add(o, F)).isTrue();
    assertThat(Finalizers.add(o, F)).isFalse();
    assertThat(o.finalizers()).containsExactly(F);
    assertThat(Finalizers.has(o, F)).isTrue();
  }

  @Test
  void removeTakesOnlyThatFinalizer() {
    ApiObject o = ApiObject.of("nexus.dev/v1", "Workload", "demo", "web");
    Finalizers.add(o, "other.dev/keep");
    Finalizers.add(o, F);
    assertThat(Finalizers.remove(o, F)).isTrue();
    assertThat(Finalizers.remove(o, F)).isFalse();
    assertThat(o.finalizers()).containsExactly("other.dev/keep");
    assertThat(Finalizers.remove(ApiObject.of("nexus.dev/v1", "Workload", "demo", "x"), F))
        .isFalse();
  }

  @Test
  void anObjectWithADeletionTimestampIsBeingDeleted() {
    ApiObject o = ApiObject.of("nexus.dev/v1", "Workload", "demo", "web");
    assertThat(Finalizers.isBeingDeleted(o)).isFalse();
    o.metadata().put("deletionTimestamp", "2026-01-01T00:00:00Z");
    assertThat(Finalizers.isBeingDeleted(o)).isTrue();
  }
}
