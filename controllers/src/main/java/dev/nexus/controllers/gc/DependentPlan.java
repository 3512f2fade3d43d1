package dev.nexus.controllers.gc;

import dev.nexus.client.controller.OwnerRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What to do with an object given the state of its owners, the Kubernetes way: the object lives
 * while one owner does; references to owners that are gone (or deleting in the foreground) are then
 * removed; when no owner lives, the object is deleted — in the foreground when an owner waits for
 * it and it has dependents of its own, so the wait covers the whole chain.
 */
sealed interface DependentPlan {
  /** Nothing to do. */
  record Keep() implements DependentPlan {}

  /** Delete the object with this propagation policy. */
  record Delete(String policy) implements DependentPlan {}

  /** Remove the owner references with these uids; a live owner keeps the object. */
  record DropOwnerRefs(Set<String> uids) implements DependentPlan {}

  /**
   * @param owners the object's owner references (an object being deleted is not planned for)
   * @param stateOf the state of each owner
   * @param hasDependents whether other objects name this one as their owner
   */
  static DependentPlan decide(
      List<OwnerRef> owners, Function<OwnerRef, OwnerState> stateOf, boolean hasDependents) {
    if (owners.isEmpty()) {
      return new Keep();
    }
    boolean solid = false;
    boolean waiting = false;
    Set<String> gone = new LinkedHashSet<>();
    for (OwnerRef ref : owners) {
      switch (stateOf.apply(ref)) {
        case PRESENT, UNRESOLVABLE -> solid = true;
        case ABSENT -> gone.add(ref.uid());
        case DELETING_FOREGROUND -> {
          waiting = true;
          gone.add(ref.uid());
        }
      }
    }
    if (solid) {
      return gone.isEmpty() ? new Keep() : new DropOwnerRefs(gone);
    }
    return new Delete(waiting && hasDependents ? "Foreground" : "Background");
  }
}
