package dev.nexus.apiserver.storage;

import java.util.Optional;

/**
 * The outcome of a {@link Txn}.
 *
 * @param revision the revision (Raft log index) at which the transaction applied, or was refused
 * @param failedOp index of the first operation whose precondition failed, or -1 on success
 * @param current for a failed operation, the key's current value (empty if the key is absent)
 */
public record TxnResult(long revision, int failedOp, Optional<StoredObject> current) {
  public boolean succeeded() {
    return failedOp < 0;
  }
}
