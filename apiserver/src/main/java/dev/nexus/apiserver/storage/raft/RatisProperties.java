package dev.nexus.apiserver.storage.raft;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis settings derived from a {@link StoreConfig}. The values that are not plain copies were
 * measured on a 2-core machine (see docs/design/storage.md, "Tuning"); each says why it is set.
 */
final class RatisProperties {
  /**
   * The largest command the store accepts (objects are at most 1 MiB; a multi-object apply may hold
   * several). The appender buffer must hold one, and the log write buffer one appender batch.
   */
  static final int MAX_COMMAND_BYTES = 8 << 20;

  private RatisProperties() {}

  static RaftProperties of(StoreConfig c, File raftDir, String host, int port) {
    RaftProperties p = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(p, List.of(raftDir));
    RaftConfigKeys.Rpc.setType(
        p,
        c.transport() == StoreConfig.Transport.GRPC
            ? SupportedRpcType.GRPC
            : SupportedRpcType.NETTY);
    switch (c.transport()) {
      case NETTY -> {
        org.apache.ratis.netty.NettyConfigKeys.Server.setHost(p, host);
        org.apache.ratis.netty.NettyConfigKeys.Server.setPort(p, port);
      }
      case GRPC -> {
        p.set("raft.grpc.server.host", host);
        p.set("raft.grpc.server.port", Integer.toString(port));
        p.set("raft.grpc.message.size.max", Integer.toString(MAX_COMMAND_BYTES * 2));
      }
    }

    // Elections. A follower campaigns when it has heard nothing from the leader for a random
    // timeout within [min, max]; the leader sends an AppendEntries at least every min/2 after the
    // last answer (Ratis derives the heartbeat from timeoutMin, there is no key of its own), and
    // its read lease lasts 0.9 * min. 500-1000 ms elects a new leader within about a second of a
    // crash and leaves a 250 ms margin for stalls of a busy 2-core machine: a 60 s write load on
    // three members here caused no leader change (docs/benchmarks.md). A one-member group has no
    // one to wait for (no vote to collect, no leader to hear from), so its first election, after
    // every start, begins as soon as the follower loop first looks: start-up is not held back by
    // a timeout. Groups with peers leave the first-election keys unset, so Ratis uses the regular
    // timeout: an existing leader has time to be heard.
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, td(c.electionTimeoutMin()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, td(c.electionTimeoutMax()));
    if (c.singleMember()) {
      RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(
          p, TimeDuration.valueOf(1, TimeUnit.MILLISECONDS));
      RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(
          p, TimeDuration.valueOf(2, TimeUnit.MILLISECONDS));
    }
    RaftServerConfigKeys.Rpc.setRequestTimeout(p, td(c.requestTimeout()));
    // A member being added must answer the leader within this, or the change fails. Ratis's
    // default is 3 * timeoutMax (3 s here), less than a joiner's JVM takes to start on a busy
    // machine; the change itself still waits for the joiner to catch up however long that takes.
    RaftServerConfigKeys.setStagingTimeout(p, TimeDuration.valueOf(20, TimeUnit.SECONDS));

    // The log: group commit. The log worker fsyncs once its queue is empty or after
    // forceSyncNum entries, so concurrent writers share fsyncs.
    RaftServerConfigKeys.Log.setSegmentSizeMax(
        p, SizeInBytes.valueOf(c.effectiveLogSegmentBytes()));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf("16MB"));
    RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf(MAX_COMMAND_BYTES * 2L));
    RaftServerConfigKeys.Log.setForceSyncNum(p, c.logForceSyncNum());
    // Metadata entries record the commit index in the log after every commit: on a one-member
    // group that doubles the entries written for nothing the state machine needs.
    RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
    // Ratis keeps applied entries in memory for followers that lag (default: up to 6 segments,
    // 200 MB). LMDB holds the state and lagging followers can be sent entries from disk, so two
    // segments and 64 MB will do: a full cache was most of the heap under a steady write load,
    // and its old-generation copying the longest GC pauses.
    RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, 2);
    RaftServerConfigKeys.Log.setSegmentCacheSizeMax(p, SizeInBytes.valueOf("64MB"));
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(
        p, SizeInBytes.valueOf(MAX_COMMAND_BYTES + (64 << 10)));
    RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
    RaftServerConfigKeys.Write.setElementLimit(p, 16384);

    // Snapshots: taken by Ratis every snapshotEveryEntries applied entries (and on request of the
    // LogSizeWatcher when the log exceeds snapshotEveryBytes), old ones pruned; not
    // at shutdown (LMDB is synced on close, so a restart needs no snapshot to be fast).
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, c.snapshotEveryEntries());
    RaftServerConfigKeys.Snapshot.setCreationGap(p, Math.min(1024, c.snapshotEveryEntries()));
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, c.snapshotsRetained());
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, false);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, false);
    // Purging happens only after a snapshot, which is rare already, and removes only closed
    // segments; a gap counted in entries would keep a log of few, large entries (group commit
    // packs hundreds of writes into one) from being purged at all when snapshots come by bytes.
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);

    // Reads: linearizable by read index; a leader holding a valid lease answers without a
    // heartbeat round.
    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
    RaftServerConfigKeys.Read.setTimeout(p, td(c.requestTimeout()));

    // Every in-process request gets a fresh call id and is never retried, so the retry cache only
    // has to outlive a forwarded client's retries.
    RaftServerConfigKeys.RetryCache.setExpiryTime(p, td(c.requestTimeout().plusSeconds(5)));
    return p;
  }

  private static TimeDuration td(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
