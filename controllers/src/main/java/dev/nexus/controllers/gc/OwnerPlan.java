package dev.nexus.controllers.gc;

import java.util.List;

/**
 * What to do for an object being deleted with one of the collector's finalizers.
 *
 * <ul>
 *   <li>{@code orphan}: take this owner out of every dependent's ownerReferences, then remove the
 *       finalizer (the API server then removes the object).
 *   <li>{@code foregroundDeletion}: have every dependent looked at (the dependent's own plan
 *       deletes it unless another owner lives); remove the finalizer once no dependent with {@code
 *       blockOwnerDeletion} is left.
 * </ul>
 */
sealed interface OwnerPlan {
  String ORPHAN = "orphan";
  String FOREGROUND = "foregroundDeletion";

  /** Not being deleted, or not with a collector finalizer. */
  record Nothing() implements OwnerPlan {}

  /** Remove the owner from these dependents, then remove {@link #ORPHAN}. */
  record Orphan(List<Dependent> dependents) implements OwnerPlan {}

  /** Look at these dependents again; blocking ones remain, so the owner waits. */
  record Wait(List<Dependent> dependents) implements OwnerPlan {}

  /** Remove {@link #FOREGROUND}; the remaining (non-blocking) dependents are looked at again. */
  record Release(List<Dependent> dependents) implements OwnerPlan {}

  /**
   * One object naming the owner in its ownerReferences.
   *
   * @param kindKey which kind's controller looks at it
   * @param namespace its namespace, null when cluster-scoped
   * @param name its name
   * @param blocksOwnerDeletion whether its reference to this owner has {@code blockOwnerDeletion}
   */
  record Dependent(String kindKey, String namespace, String name, boolean blocksOwnerDeletion) {}

  static OwnerPlan decide(boolean beingDeleted, List<String> finalizers, List<Dependent> deps) {
    if (!beingDeleted) {
      return new Nothing();
    }
    if (finalizers.contains(ORPHAN)) {
      return new Orphan(deps);
    }
    if (finalizers.contains(FOREGROUND)) {
      boolean blocked = deps.stream().anyMatch(Dependent::blocksOwnerDeletion);
      return blocked ? new Wait(deps) : new Release(deps);
    }
    return new Nothing();
  }
}
