/**
 * The LMDB side of storage: three databases ({@code objects}, {@code history}, {@code meta}) in one
 * environment, laid out in {@link dev.nexus.apiserver.storage.lmdb.Records}. {@link
 * dev.nexus.apiserver.storage.lmdb.TxnApplier} is the only writer and runs on the Raft apply
 * thread; {@link dev.nexus.apiserver.storage.lmdb.LmdbStore} serves reads from any thread, each in
 * one read transaction, and swaps in snapshot copies. Commits are not fsynced: the Raft log is the
 * durable record, and {@link dev.nexus.apiserver.storage.lmdb.OpenMarker} detects the one case (a
 * machine crash while open) where the file cannot be trusted.
 */
package dev.nexus.apiserver.storage.lmdb;
