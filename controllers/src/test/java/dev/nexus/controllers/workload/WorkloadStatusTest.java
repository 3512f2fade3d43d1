package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Conditions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Progressing condition and its deadline, written from one reconcile to the next. */
class WorkloadStatusTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private final RolloutSpec spec = new RolloutSpec(3, "new", false, 1, 0, Duration.ZERO);

  /** The Workload as the next reconcile reads it: with the status this one would write. */
  private ApiObject after(ApiObject workload, Plan.Counts counts, Instant now) {
    ApiObject next = workload.copy();
    next.node().set("status", WorkloadStatus.desired(workload, spec, counts, null, now));
    return next;
  }

  private static ApiObject workload() {
    ApiObject w = Fixtures.workload("ns", "web", 3, "/bin/true");
    ((ObjectNode) w.spec()).put("progressDeadlineSeconds", 60);
    return w;
  }

  private static Conditions.Condition progressing(ApiObject w) {
    return Conditions.get(w.status(), "Progressing").orElseThrow();
  }

  @Test
  void aRolloutThatDoesNotMoveForwardFailsAtItsDeadline() {
    // Rolling out: one new Instance, never available (say it crash-loops and is replaced).
    Plan.Counts stuck = new Plan.Counts(4, 3, 3, 1, 0);
    ApiObject w = after(workload(), stuck, T0);
    w = after(w, stuck, T0.plusSeconds(30));
    assertThat(progressing(w).status()).isEqualTo("True");
    assertThat(WorkloadStatus.untilDeadline(w, (ObjectNode) w.status(), T0.plusSeconds(30)))
        .contains(Duration.ofSeconds(31));

    w = after(w, stuck, T0.plusSeconds(61));
    assertThat(progressing(w).status()).isEqualTo("False");
    assertThat(progressing(w).reason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(WorkloadStatus.untilDeadline(w, (ObjectNode) w.status(), T0.plusSeconds(61)))
        .isEmpty();
  }

  @Test
  void movingForwardRestartsTheDeadline() {
    ApiObject w = after(workload(), new Plan.Counts(4, 3, 3, 1, 0), T0);
    // The new Instance became available and an old one went: progress at T0 + 50 s.
    w = after(w, new Plan.Counts(3, 3, 3, 1, 1), T0.plusSeconds(50));
    w = after(w, new Plan.Counts(3, 3, 3, 1, 1), T0.plusSeconds(100));
    assertThat(progressing(w).status()).isEqualTo("True");
    assertThat(w.status().at("/conditions/1/lastUpdateTime").asText())
        .isEqualTo(T0.plusSeconds(50).toString());
  }

  @Test
  void aFinishedRolloutIsNeverLateAndItsStatusStopsChanging() {
    Plan.Counts done = new Plan.Counts(3, 3, 3, 3, 3);
    ApiObject w = after(workload(), done, T0);
    ApiObject later = after(w, done, T0.plusSeconds(3600));
    assertThat(progressing(later).reason()).isEqualTo("NewInstancesAvailable");
    assertThat(WorkloadStatus.changed(w, (ObjectNode) later.status())).isEmpty();
    assertThat(WorkloadStatus.untilDeadline(later, (ObjectNode) later.status(), T0)).isEmpty();
  }
}
