package dev.nexus.apiserver.storage.lmdb;

import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import java.util.List;

/**
 * What one applied Raft entry did.
 *
 * @param result the answer for the client
 * @param events the changes, in op order (empty when a precondition failed)
 * @param compactedRevision the history compaction point after this entry
 */
public record ApplyOutcome(TxnResult result, List<WatchEvent> events, long compactedRevision) {}
