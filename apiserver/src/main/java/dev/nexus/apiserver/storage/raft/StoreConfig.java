package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.command.BatchCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything {@link RaftStore#open} needs, validated on construction with a message naming the
 * field and the rule. Build one with {@link #builder(Path)}; every field but the data directory has
 * a default suited to the embedded one-member server on a small machine.
 *
 * @param dataDir where the Raft log, snapshots and the LMDB database live
 * @param memberId this member's id in the Raft group (DNS-label characters)
 * @param peers every member of the group, id to {@code host:port} of its Raft endpoint; empty means
 *     just this member on {@code 127.0.0.1:raftPort}
 * @param raftPort this member's Raft port when {@code peers} is empty; 0 picks a free one (only for
 *     a one-member group, whose address no one else needs)
 * @param groupName names the Raft group (its id is derived from it); every member must agree
 * @param transport the Raft transport between members
 * @param watchHistoryWindow how many revisions of watch history LMDB keeps
 * @param watchCacheRevisions how many recent changing revisions the in-memory watch ring keeps
 * @param watchCacheBytes how many bytes of event keys and values that ring keeps at most
 * @param snapshotEveryEntries take a snapshot (and allow log purging) after this many entries
 * @param snapshotEveryBytes also take a snapshot (and purge) when the Raft log segments on disk
 *     exceed this many bytes; log segments are at most a quarter of it (and of {@code
 *     logSegmentSizeBytes}), so the log stays within about this size plus one segment
 * @param snapshotsRetained how many snapshot files to keep
 * @param lmdbMapSizeBytes the most the LMDB file may grow to
 * @param lmdbMaxReaders how many concurrent LMDB read transactions are allowed
 * @param lmdbSync fsync LMDB on every apply (off: the Raft log is the durable record)
 * @param electionTimeoutMin lower bound of the Raft election timeout
 * @param electionTimeoutMax upper bound of the Raft election timeout
 * @param requestTimeout how long a commit or a linearizable read may wait before failing with 503
 * @param logForceSyncNum flush the Raft log at least every this many entries
 * @param logSegmentSizeBytes the size of one Raft log segment file
 * @param readyMaxLag how many committed entries this replica may have left to apply and still be
 *     ready
 * @param commitBatchMax group commit: at most this many concurrent transactions share one Raft
 *     entry (1 gives every transaction an entry of its own)
 * @param commitEntriesInFlight group commit: how many entries of this replica's writes may be on
 *     their way at once before new transactions wait to share the next one
 * @param join this member joins an existing group: its server starts with no configuration (it
 *     neither campaigns nor counts toward a majority) until a member of the group adds it ({@link
 *     ClusterAdmin#addMember}); after that, and on every restart, it uses the configuration it
 *     received
 */
public record StoreConfig(
    Path dataDir,
    String memberId,
    Map<String, String> peers,
    int raftPort,
    String groupName,
    Transport transport,
    long watchHistoryWindow,
    int watchCacheRevisions,
    long watchCacheBytes,
    long snapshotEveryEntries,
    long snapshotEveryBytes,
    int snapshotsRetained,
    long lmdbMapSizeBytes,
    int lmdbMaxReaders,
    boolean lmdbSync,
    Duration electionTimeoutMin,
    Duration electionTimeoutMax,
    Duration requestTimeout,
    int logForceSyncNum,
    long logSegmentSizeBytes,
    long readyMaxLag,
    int commitBatchMax,
    int commitEntriesInFlight,
    boolean join) {

  /** Ratis transports; both ship with Ratis, GRPC needs ratis-grpc on the class path. */
  public enum Transport {
    NETTY,
    GRPC
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ADDRESS = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:(\\d{1,5})");

  public StoreConfig {
    require(dataDir != null, "dataDir", "must be set");
    require(
        memberId != null && ID.matcher(memberId).matches(),
        "memberId",
        "must be 1-63 lowercase letters, digits or '-', starting and ending alphanumeric");
    require(raftPort >= 0 && raftPort <= 65535, "raftPort", "must be within 0..65535");
    peers = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNullElse(peers, Map.of())));
    for (Map.Entry<String, String> p : peers.entrySet()) {
      require(ID.matcher(p.getKey()).matches(), "peers." + p.getKey(), "is not a valid member id");
      var m = ADDRESS.matcher(p.getValue());
      require(
          m.matches() && Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(1)) < 65536,
          "peers." + p.getKey(),
          "must be host:port with a port within 1..65535, was " + p.getValue());
    }
    require(
        peers.isEmpty() || peers.containsKey(memberId),
        "peers",
        "must include this member (" + memberId + ")");
    require(groupName != null && !groupName.isBlank(), "groupName", "must not be blank");
    require(transport != null, "transport", "must be set");
    require(watchHistoryWindow >= 1, "watchHistoryWindow", "must be >= 1");
    require(watchCacheRevisions >= 1, "watchCacheRevisions", "must be >= 1");
    require(watchCacheBytes >= 1 << 20, "watchCacheBytes", "must be >= 1 MiB");
    require(snapshotEveryEntries >= 1, "snapshotEveryEntries", "must be >= 1");
    require(snapshotEveryBytes >= 1 << 20, "snapshotEveryBytes", "must be >= 1 MiB");
    require(snapshotsRetained >= 1, "snapshotsRetained", "must be >= 1");
    require(lmdbMapSizeBytes >= 1 << 20, "lmdbMapSizeBytes", "must be >= 1 MiB");
    require(lmdbMaxReaders >= 16, "lmdbMaxReaders", "must be >= 16");
    require(positive(electionTimeoutMin), "electionTimeoutMin", "must be positive");
    require(
        positive(electionTimeoutMax) && electionTimeoutMax.compareTo(electionTimeoutMin) > 0,
        "electionTimeoutMax",
        "must be greater than electionTimeoutMin");
    require(positive(requestTimeout), "requestTimeout", "must be positive");
    require(logForceSyncNum >= 1, "logForceSyncNum", "must be >= 1");
    require(logSegmentSizeBytes >= 1 << 20, "logSegmentSizeBytes", "must be >= 1 MiB");
    require(readyMaxLag >= 0, "readyMaxLag", "must be >= 0");
    require(
        commitBatchMax >= 1 && commitBatchMax <= BatchCodec.MAX_TXNS,
        "commitBatchMax",
        "must be within 1.." + BatchCodec.MAX_TXNS);
    require(commitEntriesInFlight >= 1, "commitEntriesInFlight", "must be >= 1");
    require(!join || !peers.isEmpty(), "join", "needs peers (at least this member's address)");
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String field, String rule) {
    if (!ok) {
      throw new IllegalArgumentException("storage config: " + field + ": " + rule);
    }
  }

  /** The group's members: {@link #peers}, or this member alone on {@code 127.0.0.1:raftPort}. */
  public Map<String, String> members() {
    return peers.isEmpty() ? Map.of(memberId, "127.0.0.1:" + raftPort) : peers;
  }

  /**
   * The size of one Raft log segment: a quarter of {@link #snapshotEveryBytes} (at least 1 MiB), at
   * most {@link #logSegmentSizeBytes}. Only closed segments can be purged, so a segment as large as
   * the limit would let the log grow to twice it.
   */
  public long effectiveLogSegmentBytes() {
    return Math.min(logSegmentSizeBytes, Math.max(1L << 20, snapshotEveryBytes / 4));
  }

  public boolean singleMember() {
    return members().size() == 1;
  }

  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable builder with defaults; {@link #build()} validates. */
  public static final class Builder {
    private Path dataDir;
    private String memberId = "n1";
    private Map<String, String> peers = Map.of();
    private int raftPort = 0;
    private String groupName = "nexus";
    private Transport transport = Transport.NETTY;
    private long watchHistoryWindow = 100_000;
    private int watchCacheRevisions = 10_000;
    private long watchCacheBytes = 64L << 20;
    private long snapshotEveryEntries = 100_000;
    private long snapshotEveryBytes = 64L << 20;
    private int snapshotsRetained = 2;
    private long lmdbMapSizeBytes = 32L << 30;
    private int lmdbMaxReaders = 4096;
    private boolean lmdbSync = false;
    // A new leader within about a second of losing one; the leader heartbeats every min/2 (250 ms),
    // which a 2-core machine under write load keeps up with (docs/design/cluster.md, "Elections").
    private Duration electionTimeoutMin = Duration.ofMillis(500);
    private Duration electionTimeoutMax = Duration.ofMillis(1000);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int logForceSyncNum = 512;
    private long logSegmentSizeBytes = 64L << 20;
    private long readyMaxLag = 1000;
    private int commitBatchMax = 256;
    private int commitEntriesInFlight = 1;
    private boolean join = false;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    private Builder(StoreConfig c) {
      dataDir = c.dataDir;
      memberId = c.memberId;
      peers = c.peers;
      raftPort = c.raftPort;
      groupName = c.groupName;
      transport = c.transport;
      watchHistoryWindow = c.watchHistoryWindow;
      watchCacheRevisions = c.watchCacheRevisions;
      watchCacheBytes = c.watchCacheBytes;
      snapshotEveryEntries = c.snapshotEveryEntries;
      snapshotEveryBytes = c.snapshotEveryBytes;
      snapshotsRetained = c.snapshotsRetained;
      lmdbMapSizeBytes = c.lmdbMapSizeBytes;
      lmdbMaxReaders = c.lmdbMaxReaders;
      lmdbSync = c.lmdbSync;
      electionTimeoutMin = c.electionTimeoutMin;
      electionTimeoutMax = c.electionTimeoutMax;
      requestTimeout = c.requestTimeout;
      logForceSyncNum = c.logForceSyncNum;
      logSegmentSizeBytes = c.logSegmentSizeBytes;
      readyMaxLag = c.readyMaxLag;
      commitBatchMax = c.commitBatchMax;
      commitEntriesInFlight = c.commitEntriesInFlight;
      join = c.join;
    }

    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    public Builder memberId(String v) {
      memberId = v;
      return this;
    }

    public Builder peers(Map<String, String> v) {
      peers = v;
      return this;
    }

    public Builder raftPort(int v) {
      raftPort = v;
      return this;
    }

    public Builder groupName(String v) {
      groupName = v;
      return this;
    }

    public Builder transport(Transport v) {
      transport = v;
      return this;
    }

    public Builder watchHistoryWindow(long v) {
      watchHistoryWindow = v;
      return this;
    }

    public Builder watchCacheRevisions(int v) {
      watchCacheRevisions = v;
      return this;
    }

    public Builder watchCacheBytes(long v) {
      watchCacheBytes = v;
      return this;
    }

    public Builder snapshotEveryEntries(long v) {
      snapshotEveryEntries = v;
      return this;
    }

    public Builder snapshotEveryBytes(long v) {
      snapshotEveryBytes = v;
      return this;
    }

    public Builder snapshotsRetained(int v) {
      snapshotsRetained = v;
      return this;
    }

    public Builder lmdbMapSizeBytes(long v) {
      lmdbMapSizeBytes = v;
      return this;
    }

    public Builder lmdbMaxReaders(int v) {
      lmdbMaxReaders = v;
      return this;
    }

    public Builder lmdbSync(boolean v) {
      lmdbSync = v;
      return this;
    }

    public Builder electionTimeout(Duration min, Duration max) {
      electionTimeoutMin = min;
      electionTimeoutMax = max;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder logForceSyncNum(int v) {
      logForceSyncNum = v;
      return this;
    }

    public Builder logSegmentSizeBytes(long v) {
      logSegmentSizeBytes = v;
      return this;
    }

    public Builder readyMaxLag(long v) {
      readyMaxLag = v;
      return this;
    }

    public Builder commitBatchMax(int v) {
      commitBatchMax = v;
      return this;
    }

    public Builder commitEntriesInFlight(int v) {
      commitEntriesInFlight = v;
      return this;
    }

    public Builder join(boolean v) {
      join = v;
      return this;
    }

    public StoreConfig build() {
      return new StoreConfig(
          dataDir,
          memberId,
          peers,
          raftPort,
          groupName,
          transport,
          watchHistoryWindow,
          watchCacheRevisions,
          watchCacheBytes,
          snapshotEveryEntries,
          snapshotEveryBytes,
          snapshotsRetained,
          lmdbMapSizeBytes,
          lmdbMaxReaders,
          lmdbSync,
          electionTimeoutMin,
          electionTimeoutMax,
          requestTimeout,
          logForceSyncNum,
          logSegmentSizeBytes,
          readyMaxLag,
          commitBatchMax,
          commitEntriesInFlight,
          join);
    }
  }
}
