package dev.nexus.client.kinds;

/**
 * A Workload's {@code status}, read and written in place ({@link Workload#status()}); conditions
 * are on the {@link Workload} itself, as on every kind. Send changes with {@code updateStatus}.
 */
public final class WorkloadStatus {
  private final Branch status;

  WorkloadStatus(Branch status) {
    this.status = status;
  }

  /** The generation the controller last acted on; behind {@code generation} while it catches up. */
  public long observedGeneration() {
    return Fields.longInt(status.read(), "observedGeneration", 0);
  }

  /** Instances that exist for this workload, old and new template alike. */
  public int replicas() {
    return Fields.integer(status.read(), "replicas", 0);
  }

  public int readyReplicas() {
    return Fields.integer(status.read(), "readyReplicas", 0);
  }

  /** Instances made from the current template. */
  public int updatedReplicas() {
    return Fields.integer(status.read(), "updatedReplicas", 0);
  }

  public int availableReplicas() {
    return Fields.integer(status.read(), "availableReplicas", 0);
  }

  /** The hash of the current template, which its instances carry as a label. */
  public String templateHash() {
    return Fields.text(status.read(), "templateHash");
  }

  public WorkloadStatus observedGeneration(long generation) {
    status.write().put("observedGeneration", generation);
    return this;
  }

  public WorkloadStatus replicas(int n) {
    status.write().put("replicas", n);
    return this;
  }

  public WorkloadStatus readyReplicas(int n) {
    status.write().put("readyReplicas", n);
    return this;
  }

  public WorkloadStatus updatedReplicas(int n) {
    status.write().put("updatedReplicas", n);
    return this;
  }

  public WorkloadStatus availableReplicas(int n) {
    status.write().put("availableReplicas", n);
    return this;
  }
}
