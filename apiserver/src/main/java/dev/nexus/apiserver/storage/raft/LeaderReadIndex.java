package dev.nexus.apiserver.storage.raft;

import java.util.concurrent.CompletableFuture;

/**
 * A follower's way to learn a read index from the leader that is cheaper than a Raft client
 * request: each such request costs hundreds of microseconds of Ratis client machinery in both
 * processes (ordering window, protobuf, retry timers), which bench-cluster showed as the main cost
 * of a GET on a follower. The API server provides one over its members' HTTP listeners ({@code
 * dev.nexus.apiserver.cluster.HttpLeaderReadIndex}); when it fails, the Raft client is used.
 */
@FunctionalInterface
public interface LeaderReadIndex extends AutoCloseable {
  /**
   * Asks member {@code leaderId} for its applied index after a linearizable read-index round of its
   * own (see {@link RaftStore#readIndexAsLeader()}); fails if that member cannot say.
   */
  CompletableFuture<Long> ask(String leaderId);

  /** Releases what the path holds (connections); the store calls it when it closes. */
  @Override
  default void close() {}
}
