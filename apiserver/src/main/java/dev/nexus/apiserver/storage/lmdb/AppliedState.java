package dev.nexus.apiserver.storage.lmdb;

/**
 * What an LMDB database reflects, read in one transaction.
 *
 * @param term the term of the last Raft entry written into it
 * @param index the index of that entry (-1 for an empty database)
 * @param compactedRevision every history record at or below this revision has been deleted
 */
public record AppliedState(long term, long index, long compactedRevision) {}
