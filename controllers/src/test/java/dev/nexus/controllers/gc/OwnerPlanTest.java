package dev.nexus.controllers.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerPlanTest {
  private static final OwnerPlan.Dependent BLOCKING =
      new OwnerPlan.Dependent("nexus.dev/v1/Instance", "ns", "a", true);
  private static final OwnerPlan.Dependent FREE =
      new OwnerPlan.Dependent("nexus.dev/v1/Instance", "ns", "b", false);

  @Test
  void anObjectNotBeingDeletedNeedsNothing() {
    assertThat(OwnerPlan.decide(false, List.of("orphan"), List.of(BLOCKING)))
        .isInstanceOf(OwnerPlan.Nothing.class);
  }

  @Test
  void anObjectHeldOnlyByOtherFinalizersIsNotTheCollectorsBusiness() {
    assertThat(OwnerPlan.decide(true, List.of("nexus.dev/test"), List.of(BLOCKING)))
        .isInstanceOf(OwnerPlan.Nothing.class);
  }

  @Test
  void orphanReleasesEveryDependent() {
    assertThat(OwnerPlan.decide(true, List.of("orphan"), List.of(BLOCKING, FREE)))
        .isEqualTo(new OwnerPlan.Orphan(List.of(BLOCKING, FREE)));
    assertThat(OwnerPlan.decide(true, List.of("orphan"), List.of()))
        .isEqualTo(new OwnerPlan.Orphan(List.of()));
  }

  @Test
  void foregroundWaitsForBlockingDependentsOnly() {
    assertThat(OwnerPlan.decide(true, List.of("foregroundDeletion"), List.of(BLOCKING, FREE)))
        .isEqualTo(new OwnerPlan.Wait(List.of(BLOCKING, FREE)));
    assertThat(OwnerPlan.decide(true, List.of("foregroundDeletion"), List.of(FREE)))
        .isEqualTo(new OwnerPlan.Release(List.of(FREE)));
    assertThat(OwnerPlan.decide(true, List.of("foregroundDeletion"), List.of()))
        .isEqualTo(new OwnerPlan.Release(List.of()));
  }
}
