package dev.nexus.controllers.workload;

import java.time.Duration;
import java.util.List;

/**
 * What one reconcile of a Workload should do, decided from a snapshot of its Instances: how many
 * Instances of the current template to create and which Instances to delete (with why), plus the
 * counts its status reports.
 *
 * @param create Instances of the current template to create
 * @param deletions Instances to delete
 * @param counts what the snapshot holds, for the status
 * @param recheckAfter when an instance becomes available by time alone (minReadySeconds), the delay
 *     until the first does; null otherwise
 */
public record Plan(int create, List<Deletion> deletions, Counts counts, Duration recheckAfter) {

  public Plan {
    deletions = List.copyOf(deletions);
  }

  /** Whether the plan changes nothing. */
  public boolean isEmpty() {
    return create == 0 && deletions.isEmpty();
  }

  /** Names of the instances deleted for {@code reason}. */
  public List<String> deleted(Reason reason) {
    return deletions.stream().filter(d -> d.reason() == reason).map(Deletion::name).toList();
  }

  /** One Instance to delete. */
  public record Deletion(String name, Reason reason) {}

  /** Why an Instance is deleted. */
  public enum Reason {
    /** Its sandbox ended (phase Failed or Succeeded); a new one replaces it. */
    TERMINATED,
    /** There are more Instances of the current template than {@code replicas}. */
    EXCESS,
    /** It runs an older template and the rollout has room to let it go. */
    OLD_TEMPLATE
  }

  /**
   * Counts over the live (neither terminated nor being deleted) Instances.
   *
   * @param replicas live Instances
   * @param ready those whose Ready condition is True
   * @param available those ready for at least minReadySeconds
   * @param updated those of the current template
   * @param updatedAvailable those of the current template that are available
   */
  public record Counts(int replicas, int ready, int available, int updated, int updatedAvailable) {}
}
