package dev.nexus.apiserver.storage.lmdb;

/**
 * How the LMDB environment is opened.
 *
 * @param mapSizeBytes the most the database file may grow to (address space, not disk)
 * @param maxReaders how many read transactions may be open at once
 * @param syncEachCommit fsync every write transaction; off when the Raft log is the durable record
 *     (see docs/design/storage.md)
 */
public record LmdbOptions(long mapSizeBytes, int maxReaders, boolean syncEachCommit) {
  public LmdbOptions {
    if (mapSizeBytes < 1 << 20) {
      throw new IllegalArgumentException("lmdb mapSizeBytes must be >= 1 MiB, was " + mapSizeBytes);
    }
    if (maxReaders < 8) {
      throw new IllegalArgumentException("lmdb maxReaders must be >= 8, was " + maxReaders);
    }
  }
}
