package dev.nexus.apiserver.storage.lmdb;

import dev.nexus.apiserver.storage.WatchEvent;
import java.util.List;

/**
 * Watch history read from LMDB in one transaction.
 *
 * @param events the events found, in revision and then op order
 * @param coveredThrough every event with revision up to this one is in {@code events} (or was
 *     before {@code from}); the next read starts after it
 * @param compactedRevision the compaction point in the same transaction: if it is at or above the
 *     revision the reader needed first, events were lost and the reader must be told so
 */
public record HistoryChunk(List<WatchEvent> events, long coveredThrough, long compactedRevision) {}
