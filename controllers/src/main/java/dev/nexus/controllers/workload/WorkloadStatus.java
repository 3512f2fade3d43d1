package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The status a Workload should show for what its Instances are doing. Pure: the reconciler writes
 * the result only when it differs from the stored status, so a quiet Workload costs no writes.
 *
 * <p>Conditions:
 *
 * <ul>
 *   <li>{@code Available}: True when at least {@code replicas - maxUnavailable} Instances are
 *       available (reason MinimumReplicasAvailable / MinimumReplicasUnavailable).
 *   <li>{@code Progressing}: True with reason NewInstancesAvailable once every Instance runs the
 *       current template, there are exactly {@code replicas} and all are available; True with
 *       reason InstancesUpdating (rolling out) or InstancesScaling (only counts differ) before;
 *       False with reason ProgressDeadlineExceeded when an unfinished rollout has not moved for
 *       {@code spec.progressDeadlineSeconds} (as Kubernetes's Deployment). Its {@code
 *       lastUpdateTime} is when the rollout last moved forward: a new template, more Instances of
 *       it, more available, or fewer old ones. Instances replaced in a crash loop do not count.
 *   <li>{@code ReplicaFailure}: True with reason FailedCreate while creating Instances fails;
 *       removed by the next reconcile that acts without a failed creation.
 * </ul>
 */
final class WorkloadStatus {
  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String REPLICA_FAILURE = "ReplicaFailure";
  static final String LAST_UPDATE_TIME = "lastUpdateTime";

  /** Progressing's reason once the rollout is complete. */
  static final String COMPLETE = "NewInstancesAvailable";

  /** Progressing's reason once an unfinished rollout has passed its deadline. */
  static final String DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

  static final long DEFAULT_PROGRESS_DEADLINE = 600;

  private WorkloadStatus() {}

  /**
   * The status {@code workload} should have; {@code createFailure} is the error of this reconcile's
   * failed creation, or null. Conditions keep their transition time unless their status flips.
   */
  static ObjectNode desired(
      ApiObject workload, RolloutSpec spec, Plan.Counts counts, String createFailure, Instant now) {
    JsonNode current = workload.status();
    ObjectNode status =
        current instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    status.put("observedGeneration", workload.generation());
    status.put("replicas", counts.replicas());
    status.put("readyReplicas", counts.ready());
    status.put("availableReplicas", counts.available());
    status.put("updatedReplicas", counts.updated());
    status.put("templateHash", spec.templateHash());
    status.put("selector", selector(workload));

    boolean available = counts.available() >= spec.minAvailable();
    Conditions.set(
        status,
        AVAILABLE,
        available ? "True" : "False",
        available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        counts.available()
            + " of "
            + spec.replicas()
            + " instances available, at least "
            + spec.minAvailable()
            + " required",
        now);
    boolean complete =
        counts.updated() == spec.replicas()
            && counts.replicas() == spec.replicas()
            && counts.updatedAvailable() == spec.replicas();
    boolean rolling = counts.updated() < counts.replicas();
    String progress =
        complete
            ? "all " + spec.replicas() + " instances run template " + spec.templateHash()
            : counts.updated()
                + " of "
                + spec.replicas()
                + " instances run template "
                + spec.templateHash()
                + ", "
                + counts.updatedAvailable()
                + " of them available";
    boolean newlyComplete =
        complete
            && !Conditions.get(current, PROGRESSING)
                .map(c -> COMPLETE.equals(c.reason()))
                .orElse(false);
    Instant lastProgress =
        movedForward(current, spec, counts) || newlyComplete
            ? now
            : lastProgress(current).orElse(now);
    Duration deadline = progressDeadline(workload);
    boolean stalled = !complete && Duration.between(lastProgress, now).compareTo(deadline) > 0;
    Conditions.set(
        status,
        PROGRESSING,
        stalled ? "False" : "True",
        complete
            ? COMPLETE
            : stalled ? DEADLINE_EXCEEDED : rolling ? "InstancesUpdating" : "InstancesScaling",
        stalled ? "no progress for over " + deadline.toSeconds() + " s: " + progress : progress,
        now);
    progressCondition(status)
        .orElseThrow() // just set
        .put(LAST_UPDATE_TIME, lastProgress.truncatedTo(ChronoUnit.SECONDS).toString());
    if (createFailure != null) {
      Conditions.set(status, REPLICA_FAILURE, "True", "FailedCreate", createFailure, now);
    } else {
      Conditions.remove(status, REPLICA_FAILURE);
    }
    return status;
  }

  /**
   * How long until an unfinished rollout in {@code status} passes its deadline (zero if it has), or
   * empty when the rollout is complete or already reported as stalled.
   */
  static Optional<Duration> untilDeadline(ApiObject workload, ObjectNode status, Instant now) {
    Optional<Conditions.Condition> c = Conditions.get(status, PROGRESSING);
    if (c.isEmpty() || !c.get().isTrue() || COMPLETE.equals(c.get().reason())) {
      return Optional.empty();
    }
    Instant due = lastProgress(status).orElse(now).plus(progressDeadline(workload)).plusSeconds(1);
    Duration left = Duration.between(now, due);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /** {@code spec.progressDeadlineSeconds}, 600 s when not set (as in Kubernetes). */
  static Duration progressDeadline(ApiObject workload) {
    return Duration.ofSeconds(
        workload.spec().path("progressDeadlineSeconds").asLong(DEFAULT_PROGRESS_DEADLINE));
  }

  /**
   * Whether the rollout moved forward since {@code before} was written: a new template, more
   * Instances of it, more available, or fewer of older templates.
   */
  private static boolean movedForward(JsonNode before, RolloutSpec spec, Plan.Counts counts) {
    if (before == null || !before.has("templateHash")) {
      return true;
    }
    int updatedBefore = before.path("updatedReplicas").asInt();
    int oldBefore = before.path("replicas").asInt() - updatedBefore;
    return !spec.templateHash().equals(before.path("templateHash").asText())
        || counts.updated() > updatedBefore
        || counts.available() > before.path("availableReplicas").asInt()
        || counts.replicas() - counts.updated() < oldBefore;
  }

  private static Optional<Instant> lastProgress(JsonNode status) {
    JsonNode time = progressCondition(status).map(c -> c.path(LAST_UPDATE_TIME)).orElse(null);
    if (time == null || !time.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(time.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The Progressing condition of {@code status} (may be null), to read or extend in place. */
  private static Optional<ObjectNode> progressCondition(JsonNode status) {
    if (status == null || !(status.get("conditions") instanceof ArrayNode list)) {
      return Optional.empty();
    }
    for (JsonNode c : list) {
      if (PROGRESSING.equals(c.path("type").asText()) && c instanceof ObjectNode o) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** {@code desired} when it differs from the workload's stored status. */
  static Optional<ObjectNode> changed(ApiObject workload, ObjectNode desired) {
    return desired.equals(workload.status()) ? Optional.empty() : Optional.of(desired);
  }

  /** {@code spec.selector} in string form, defaulting to the template's labels. */
  static String selector(ApiObject workload) {
    return InstanceClaims.selectorOf(workload).toString();
  }
}
