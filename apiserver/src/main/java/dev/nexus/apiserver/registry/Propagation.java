package dev.nexus.apiserver.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * How a delete's {@code propagationPolicy} changes the object's finalizers, as in Kubernetes. The
 * API server only records the request; the garbage collector does the work and then removes the
 * finalizer, which completes the deletion.
 *
 * <ul>
 *   <li>{@code Orphan}: finalizer {@value #ORPHAN}; the collector removes this owner from its
 *       dependents' {@code ownerReferences} first, so they survive.
 *   <li>{@code Foreground}: finalizer {@value #FOREGROUND}; the collector deletes the dependents
 *       first (waiting for those with {@code blockOwnerDeletion}).
 *   <li>{@code Background}: neither; the owner goes at once (unless other finalizers hold it) and
 *       the collector deletes dependents whose owners are all gone. Asking for it explicitly on an
 *       object already marked by the other two policies takes their finalizers away.
 *   <li>No policy: the finalizers stay as they are, which for a fresh delete means Background.
 * </ul>
 */
final class Propagation {
  static final String ORPHAN = "orphan";
  static final String FOREGROUND = "foregroundDeletion";

  private Propagation() {}

  /** The finalizers the object has after a delete with {@code policy} (null: none given). */
  static List<String> finalizers(List<String> current, String policy) {
    if (policy == null) {
      return current;
    }
    List<String> out = new ArrayList<>(current);
    out.remove(ORPHAN);
    out.remove(FOREGROUND);
    switch (policy) {
      case "Orphan" -> out.add(ORPHAN);
      case "Foreground" -> out.add(FOREGROUND);
      default -> {}
    }
    return out;
  }
}
