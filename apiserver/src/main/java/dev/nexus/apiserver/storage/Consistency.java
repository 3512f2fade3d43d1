package dev.nexus.apiserver.storage;

/** How fresh a read must be. */
public enum Consistency {
  /** Reflects every write acknowledged before the read started (Raft read index). */
  LINEARIZABLE,
  /** Whatever this replica has applied ({@code resourceVersion=0}). */
  LOCAL
}
