/**
 * The wire and log formats of storage commands and their results: explicit, versioned byte layouts,
 * because Raft log entries written by one version are replayed by the next.
 */
package dev.nexus.apiserver.storage.command;
