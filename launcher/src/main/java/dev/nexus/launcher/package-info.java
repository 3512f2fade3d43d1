/**
 * The {@code nexus} command: {@code nexus up} runs the embedded default (a one-member Raft group
 * behind the API server, on loopback) in one process and writes the client config {@code nexusctl}
 * reads; {@code nexus server} runs one member of a replicated control plane (three or five form one
 * Raft group; see docs/design/cluster.md). Further roles ({@code agent}, {@code controllers}) join
 * with the issues that build them.
 */
package dev.nexus.launcher;
