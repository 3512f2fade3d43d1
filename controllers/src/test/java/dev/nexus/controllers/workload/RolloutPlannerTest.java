package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static InstanceView ready(String name, String hash, int ageSeconds) {
    Instant created = NOW.minusSeconds(ageSeconds);
    return new InstanceView(name, hash, created, true, true, created, false, false);
  }

  static InstanceView pending(String name, String hash, int ageSeconds) {
    return new InstanceView(
        name, hash, NOW.minusSeconds(ageSeconds), false, false, null, false, false);
  }

  static RolloutSpec spec(int replicas, int surge, int unavailable) {
    return new RolloutSpec(replicas, "new", false, surge, unavailable, Duration.ZERO);
  }

  @Test
  void scalesUpFromNothing() {
    Plan p = RolloutPlanner.plan(spec(3, 1, 0), List.of(), NOW);
    assertThat(p.create()).isEqualTo(3);
    assertThat(p.deletions()).isEmpty();
  }

  @Test
  void scalesDownNotReadyThenUnscheduledThenNewestFirst() {
    List<InstanceView> is =
        List.of(
            ready("old-ready", "new", 100),
            ready("young-ready", "new", 10),
            pending("not-ready", "new", 50),
            new InstanceView(
                "unscheduled", "new", NOW.minusSeconds(90), false, true, NOW, false, false));
    Plan p = RolloutPlanner.plan(spec(1, 1, 0), is, NOW);
    assertThat(p.create()).isZero();
    assertThat(p.deleted(Plan.Reason.EXCESS))
        .containsExactly("not-ready", "unscheduled", "young-ready");
  }

  @Test
  void terminatedInstancesAreDeletedAndReplacedAtOnce() {
    List<InstanceView> is =
        List.of(
            ready("a", "new", 10),
            new InstanceView("b", "new", NOW.minusSeconds(10), true, false, null, true, false));
    Plan p = RolloutPlanner.plan(spec(2, 1, 0), is, NOW);
    assertThat(p.deleted(Plan.Reason.TERMINATED)).containsExactly("b");
    assertThat(p.create()).isEqualTo(1);
    assertThat(p.counts().replicas()).isEqualTo(1);
  }

  @Test
  void instancesBeingDeletedCountNowhere() {
    List<InstanceView> is =
        List.of(new InstanceView("a", "new", NOW, true, true, NOW, false, true));
    Plan p = RolloutPlanner.plan(spec(1, 1, 0), is, NOW);
    assertThat(p.create()).isEqualTo(1);
    assertThat(p.deletions()).isEmpty();
  }

  @Test
  void rollingUpdateSurgesOneAndKeepsOldUntilTheNewIsReady() {
    List<InstanceView> is =
        new ArrayList<>(
            List.of(ready("o1", "old", 30), ready("o2", "old", 20), ready("o3", "old", 10)));
    Plan p1 = RolloutPlanner.plan(spec(3, 1, 0), is, NOW);
    assertThat(p1.create()).isEqualTo(1);
    assertThat(p1.deletions()).isEmpty();

    is.add(pending("n1", "new", 0));
    Plan p2 = RolloutPlanner.plan(spec(3, 1, 0), is, NOW);
    assertThat(p2.isEmpty()).as("nothing while the new one is not ready").isTrue();

    is.set(3, ready("n1", "new", 0));
    Plan p3 = RolloutPlanner.plan(spec(3, 1, 0), is, NOW);
    assertThat(p3.create()).isZero();
    assertThat(p3.deleted(Plan.Reason.OLD_TEMPLATE)).containsExactly("o3");
  }

  @Test
  void unavailableOldInstancesGoFirst() {
    List<InstanceView> is =
        List.of(ready("o1", "old", 30), pending("o2", "old", 20), ready("o3", "old", 10));
    Plan p = RolloutPlanner.plan(spec(3, 0, 1), is, NOW);
    assertThat(p.deleted(Plan.Reason.OLD_TEMPLATE)).containsExactly("o2");
    assertThat(p.create()).isZero();
  }

  @Test
  void recreateDeletesEveryOldInstanceBeforeCreating() {
    RolloutSpec recreate = new RolloutSpec(2, "new", true, 0, 0, Duration.ZERO);
    Plan p =
        RolloutPlanner.plan(recreate, List.of(ready("o1", "old", 5), ready("o2", "old", 5)), NOW);
    assertThat(p.create()).isZero();
    assertThat(p.deleted(Plan.Reason.OLD_TEMPLATE)).containsExactlyInAnyOrder("o1", "o2");
    assertThat(RolloutPlanner.plan(recreate, List.of(), NOW).create()).isEqualTo(2);
  }

  @Test
  void minReadySecondsDelaysAvailabilityAndAsksForARecheck() {
    RolloutSpec s = new RolloutSpec(1, "new", false, 1, 0, Duration.ofSeconds(10));
    InstanceView justReady =
        new InstanceView(
            "n", "new", NOW.minusSeconds(5), true, true, NOW.minusSeconds(4), false, false);
    Plan p = RolloutPlanner.plan(s, List.of(ready("o", "old", 100), justReady), NOW);
    assertThat(p.counts().ready()).isEqualTo(2);
    assertThat(p.counts().available()).isEqualTo(1);
    assertThat(p.deletions()).as("the new one is not available yet").isEmpty();
    assertThat(p.recheckAfter()).isEqualTo(Duration.ofSeconds(6));
  }
}
