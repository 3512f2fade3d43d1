package dev.nexus.apiserver.storage;

/** What must hold of a key for an operation of a {@link Txn} to apply. */
public sealed interface Precondition {
  /** No condition. */
  record None() implements Precondition {}

  /** The key must not exist (create). */
  record Absent() implements Precondition {}

  /** The key must exist, with any revision. */
  record Present() implements Precondition {}

  /** The key must exist with exactly this modification revision (optimistic concurrency). */
  record ModRevision(long revision) implements Precondition {}

  Precondition NONE = new None();
  Precondition ABSENT = new Absent();
  Precondition PRESENT = new Present();

  static Precondition modRevision(long revision) {
    return new ModRevision(revision);
  }
}
