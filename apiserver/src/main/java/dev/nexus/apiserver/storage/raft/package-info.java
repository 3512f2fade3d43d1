/**
 * The replicated store: {@link dev.nexus.apiserver.storage.raft.RaftStore} (opened from a {@link
 * dev.nexus.apiserver.storage.raft.StoreConfig}) runs one member of an Apache Ratis group whose
 * state machine applies {@link dev.nexus.apiserver.storage.Txn}s to LMDB. Revision = Raft log
 * index. Writes go in-process to the leader or through a Ratis client to it; linearizable reads
 * share coalesced read-index rounds; snapshots are LMDB copies. {@link
 * dev.nexus.apiserver.storage.raft.StoreMetrics} exposes what {@code /metrics} and {@code /readyz}
 * need. Design notes: docs/design/storage.md.
 */
package dev.nexus.apiserver.storage.raft;
