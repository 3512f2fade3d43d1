/**
 * Replicated storage: every write is a {@link dev.nexus.apiserver.storage.Txn} replicated by Apache
 * Ratis and applied to LMDB by a deterministic state machine. The revision of a write is the Raft
 * log index of its entry. Keys are opaque strings (the registry decides the layout); values are the
 * encoded objects, stored without their {@code resourceVersion}, which readers fill in from {@link
 * dev.nexus.apiserver.storage.StoredObject#modRevision()}.
 */
package dev.nexus.apiserver.storage;
