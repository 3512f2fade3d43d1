package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.model.ApiObject;
import java.time.Duration;

/**
 * The parts of a Workload's spec the planner obeys, resolved to absolute numbers.
 *
 * @param replicas {@code spec.replicas} (default 1)
 * @param templateHash the hash of the current template ({@link TemplateHash})
 * @param recreate whether {@code spec.strategy.type} is {@code Recreate}
 * @param maxSurge instances allowed above {@code replicas} during a rolling update
 * @param maxUnavailable available instances allowed below {@code replicas} during one
 * @param minReady how long an instance must be ready to count as available
 */
public record RolloutSpec(
    int replicas,
    String templateHash,
    boolean recreate,
    int maxSurge,
    int maxUnavailable,
    Duration minReady) {

  public RolloutSpec {
    if (replicas < 0 || maxSurge < 0 || maxUnavailable < 0) {
      throw new IllegalArgumentException("replicas, maxSurge and maxUnavailable must be >= 0");
    }
  }

  /**
   * Reads {@code workload}'s spec. As in Kubernetes, percentages of surge round up and of
   * unavailability down, both default to 25%, and when both come to zero one instance may be
   * unavailable, or a rolling update could never start.
   *
   * @throws IllegalArgumentException naming the field when a value cannot be understood
   */
  public static RolloutSpec of(ApiObject workload) {
    JsonNode spec = workload.spec();
    if (spec == null || !spec.isObject()) {
      throw new IllegalArgumentException("spec: required");
    }
    int replicas = spec.path("replicas").isIntegralNumber() ? spec.path("replicas").asInt() : 1;
    if (replicas < 0) {
      throw new IllegalArgumentException("spec.replicas: must not be negative, was " + replicas);
    }
    JsonNode strategy = spec.path("strategy");
    boolean recreate = "Recreate".equals(strategy.path("type").asText("RollingUpdate"));
    JsonNode rolling = strategy.path("rollingUpdate");
    int surge =
        IntOrPercent.resolve(
            rolling.get("maxSurge"), "25%", replicas, true, "spec.strategy.rollingUpdate.maxSurge");
    int unavailable =
        IntOrPercent.resolve(
            rolling.get("maxUnavailable"),
            "25%",
            replicas,
            false,
            "spec.strategy.rollingUpdate.maxUnavailable");
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    int minReadySeconds = Math.max(0, spec.path("minReadySeconds").asInt(0));
    return new RolloutSpec(
        replicas,
        TemplateHash.of(spec.get("template"), spec.get("placement")),
        recreate,
        surge,
        unavailable,
        Duration.ofSeconds(minReadySeconds));
  }

  /** The fewest available instances a rolling update may leave. */
  public int minAvailable() {
    return Math.max(0, replicas - maxUnavailable);
  }
}
