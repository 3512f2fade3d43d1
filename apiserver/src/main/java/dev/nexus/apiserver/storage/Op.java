package dev.nexus.apiserver.storage;

/** One operation of a {@link Txn}. */
public sealed interface Op {
  String key();

  Precondition precondition();

  /** Sets {@code key} to {@code value} (create or update). */
  record Put(String key, byte[] value, Precondition precondition) implements Op {}

  /** Removes {@code key}; a delete of a missing key fails unless the precondition is NONE. */
  record Delete(String key, Precondition precondition) implements Op {}
}
