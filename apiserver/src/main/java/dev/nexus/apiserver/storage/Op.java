package dev.nexus.apiserver.storage;

/** One operation of a {@link Txn}. */
public sealed interface Op {
  String key();

  Precondition precondition();

  /** Sets {@code key} to {@code value} (create or update). */
  record Put(String key, byte[] value, Precondition precondition) implements Op {}

  /** Removes {@code key}; a delete of a missing key fails unless the precondition is NONE. */
  record Delete(String key, Precondition precondition) implements Op {}

  /**
   * Writes nothing: only its precondition must hold for the transaction to apply (an etcd txn
   * compare). Guards a write with a fact about another key, e.g. a create with the revision of the
   * namespace it was admitted into, so the namespace cannot change in between.
   */
  record Check(String key, Precondition precondition) implements Op {}
}
