package dev.nexus.controllers.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.client.controller.OwnerRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependentPlanTest {
  private static OwnerRef ref(String uid) {
    return new OwnerRef("nexus.dev/v1", "Workload", "w-" + uid, uid, false, false);
  }

  private static DependentPlan decide(Map<String, OwnerState> states, boolean hasDependents) {
    List<OwnerRef> refs = states.keySet().stream().sorted().map(DependentPlanTest::ref).toList();
    return DependentPlan.decide(refs, r -> states.get(r.uid()), hasDependents);
  }

  @Test
  void anObjectWithoutOwnersIsKept() {
    assertThat(DependentPlan.decide(List.of(), r -> OwnerState.ABSENT, false))
        .isInstanceOf(DependentPlan.Keep.class);
  }

  @Test
  void anObjectWithALiveOwnerIsKept() {
    assertThat(decide(Map.of("a", OwnerState.PRESENT), false))
        .isInstanceOf(DependentPlan.Keep.class);
  }

  @Test
  void anObjectWhoseOwnersAreAllGoneIsDeletedInTheBackground() {
    assertThat(decide(Map.of("a", OwnerState.ABSENT, "b", OwnerState.ABSENT), true))
        .isEqualTo(new DependentPlan.Delete("Background"));
  }

  @Test
  void aLiveOwnerKeepsTheObjectButReferencesToGoneOwnersAreDropped() {
    assertThat(
            decide(
                Map.of(
                    "a", OwnerState.PRESENT,
                    "b", OwnerState.ABSENT,
                    "c", OwnerState.DELETING_FOREGROUND),
                false))
        .isEqualTo(new DependentPlan.DropOwnerRefs(Set.of("b", "c")));
  }

  @Test
  void
      anOwnerDeletingInTheForegroundHasItsDependentsDeletedInTheForegroundWhenTheyHaveDependents() {
    assertThat(decide(Map.of("a", OwnerState.DELETING_FOREGROUND), true))
        .isEqualTo(new DependentPlan.Delete("Foreground"));
    assertThat(decide(Map.of("a", OwnerState.DELETING_FOREGROUND), false))
        .isEqualTo(new DependentPlan.Delete("Background"));
    assertThat(decide(Map.of("a", OwnerState.DELETING_FOREGROUND, "b", OwnerState.ABSENT), true))
        .isEqualTo(new DependentPlan.Delete("Foreground"));
  }

  @Test
  void anUnresolvableOwnerKeepsTheObject() {
    assertThat(decide(Map.of("a", OwnerState.UNRESOLVABLE), false))
        .isInstanceOf(DependentPlan.Keep.class);
    assertThat(decide(Map.of("a", OwnerState.UNRESOLVABLE, "b", OwnerState.ABSENT), false))
        .isEqualTo(new DependentPlan.DropOwnerRefs(Set.of("b")));
  }
}
