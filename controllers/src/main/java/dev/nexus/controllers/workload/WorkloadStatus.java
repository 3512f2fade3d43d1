package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.Conditions;
import java.time.Instant;
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
 *       reason InstancesUpdating (rolling out) or InstancesScaling (only counts differ) before.
 *   <li>{@code ReplicaFailure}: True with reason FailedCreate while creating Instances fails;
 *       removed by the next reconcile that acts without a failed creation.
 * </ul>
 */
final class WorkloadStatus {
  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String REPLICA_FAILURE = "ReplicaFailure";

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
    Conditions.set(
        status,
        PROGRESSING,
        "True",
        complete ? "NewInstancesAvailable" : rolling ? "InstancesUpdating" : "InstancesScaling",
        complete
            ? "all " + spec.replicas() + " instances run template " + spec.templateHash()
            : counts.updated()
                + " of "
                + spec.replicas()
                + " instances run template "
                + spec.templateHash()
                + ", "
                + counts.updatedAvailable()
                + " of them available",
        now);
    if (createFailure != null) {
      Conditions.set(status, REPLICA_FAILURE, "True", "FailedCreate", createFailure, now);
    } else {
      Conditions.remove(status, REPLICA_FAILURE);
    }
    return status;
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
