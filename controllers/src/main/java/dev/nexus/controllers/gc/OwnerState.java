package dev.nexus.controllers.gc;

/** What the collector found for one owner reference of a dependent. */
enum OwnerState {
  /** An object with the reference's kind, name and uid exists and is not being deleted so. */
  PRESENT,
  /** No object has that uid: never existed, deleted, or replaced by a namesake. */
  ABSENT,
  /** The owner exists and is being deleted in the foreground: it waits for its dependents. */
  DELETING_FOREGROUND,
  /**
   * The reference cannot be checked (a cluster-scoped dependent naming a namespaced owner): the
   * dependent is kept, as in Kubernetes.
   */
  UNRESOLVABLE
}
