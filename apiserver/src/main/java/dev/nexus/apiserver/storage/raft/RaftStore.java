package dev.nexus.apiserver.storage.raft;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.concurrent.CoarseTimeouts;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.WatchSink;
import dev.nexus.apiserver.storage.command.CommandCodec;
import dev.nexus.apiserver.storage.lmdb.LmdbOptions;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.watch.WatchHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} of a Nexus API server: a Ratis group (one member by default) whose state
 * machine applies each {@link Txn} to a local LMDB database. See docs/design/storage.md.
 *
 * <pre>{@code
 * try (RaftStore store = RaftStore.open(StoreConfig.builder(dir).build())) {
 *   store.awaitReady(Duration.ofSeconds(10));
 *   TxnResult r = store.commit(Txn.of(new Op.Put("k", bytes, Precondition.ABSENT))).join();
 * }
 * }</pre>
 */
public final class RaftStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(RaftStore.class);

  /**
   * How often the size of the Raft log on disk is checked against snapshotEveryBytes: a directory
   * listing of a few files. A snapshot by bytes takes two requests (one starts the copy, the next
   * records it), so the interval bounds how much more log accumulates meanwhile.
   */
  private static final Duration LOG_SIZE_CHECK_INTERVAL = Duration.ofMillis(500);

  /**
   * Linearizable reads share read-index rounds ({@link ReadIndexBarrier}); two may be on their way
   * at once, so a reader waits for about one round trip rather than the rest of the current round
   * plus its own. On a follower a round is a request to the leader: 3-member runs of
   * bin/bench-cluster gave follower GETs about 1.2x with two rounds than with one, and less with
   * four, as every round costs CPU in two processes.
   */
  static final int READ_INDEX_ROUNDS_IN_FLIGHT = 2;

  private final StoreConfig config;
  private final LmdbStore lmdb;
  private final WatchHub hub;
  private final StoreStateMachine stateMachine;
  private final RaftServer server;
  private final RaftGateway gateway;
  private final CommitBatcher batcher;
  private final ReadIndexBarrier barrier;
  private final RaftStoreMetrics metrics;
  private final ClusterAdmin cluster;
  private final Readiness readiness;
  private final LogSizeWatcher logSize;
  private final LatencyHistogram commitLatency = new LatencyHistogram();
  private final LongAdder linearizableReads = new LongAdder();
  private final LongAdder readIndexRequests = new LongAdder();
  private volatile boolean closed;

  private RaftStore(StoreConfig config, LmdbStore lmdb, RaftGroupSetup setup) throws IOException {
    this.config = config;
    this.lmdb = lmdb;
    long applied = lmdb.appliedState().index();
    this.hub =
        new WatchHub(
            (after, through, max) -> lmdb.readHistory(after, through, max),
            config.watchCacheRevisions(),
            config.watchCacheBytes(),
            Math.max(applied, 0));
    LatencyHistogram applyLatency = new LatencyHistogram();
    this.stateMachine = new StoreStateMachine(lmdb, config.watchHistoryWindow(), hub, applyLatency);
    this.server = setup.newServer(stateMachine);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      hub.close();
      server.close();
      throw e;
    }
    this.gateway =
        new RaftGateway(
            server,
            setup.group(),
            setup.properties(),
            config.requestTimeout(),
            stateMachine::awaitApplied);
    this.batcher =
        new CommitBatcher(
            entry ->
                gateway
                    .write(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry)))
                    .thenApply(ResultMessage::decode),
            entriesInFlight(config),
            config.commitBatchMax(),
            RatisProperties.MAX_COMMAND_BYTES);
    this.barrier =
        new ReadIndexBarrier(
            () -> {
              readIndexRequests.increment();
              return gateway.readIndex();
            },
            READ_INDEX_ROUNDS_IN_FLIGHT);
    this.logSize =
        new LogSizeWatcher(
            server,
            gateway.division(),
            config.snapshotEveryBytes(),
            LOG_SIZE_CHECK_INTERVAL,
            config.requestTimeout());
    this.readiness = new Readiness(gateway.division(), stateMachine, gateway, config.readyMaxLag());
    this.metrics = new RaftStoreMetrics(this, gateway.division(), stateMachine, applyLatency);
    this.cluster =
        new ClusterAdmin(
            gateway.division(), setup.properties(), config.requestTimeout().multipliedBy(6));
  }

  /**
   * Entries of this replica's writes that may be on their way at once. With peers an entry also
   * waits for a follower's log write and the round trip to it, so while one is in flight the next
   * batch is already sent (at least 2): 3-member creates in bin/bench-cluster rose from
   * ~1,130-1,700 to ~1,950/s. A single member keeps what is configured (1 by default: its entries
   * are answered as soon as its own log is written, and fewer, larger batches cost less CPU).
   */
  private static int entriesInFlight(StoreConfig config) {
    return config.singleMember()
        ? config.commitEntriesInFlight()
        : Math.max(2, config.commitEntriesInFlight());
  }

  /**
   * Opens the store in {@code config.dataDir()} and starts this member's Raft server. Returns
   * without waiting for a leader; see {@link #awaitReady}.
   */
  public static RaftStore open(StoreConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    if (config.transport() == StoreConfig.Transport.GRPC
        && !onClassPath("org.apache.ratis.grpc.GrpcFactory")) {
      throw new IllegalArgumentException(
          "storage config: transport: GRPC needs org.apache.ratis:ratis-grpc on the class path;"
              + " use NETTY or add that dependency");
    }
    Path dataDir = config.dataDir().toAbsolutePath();
    Files.createDirectories(dataDir);
    RaftGroupSetup setup = RaftGroupSetup.of(config, dataDir.resolve("raft"));
    LmdbStore lmdb =
        LmdbStore.open(
            dataDir.resolve("lmdb"),
            new LmdbOptions(config.lmdbMapSizeBytes(), config.lmdbMaxReaders(), config.lmdbSync()));
    try {
      RaftStore store = new RaftStore(config, lmdb, setup);
      LOG.info(
          "storage open at {} as member {} of {} (raft {} on {})",
          dataDir,
          config.memberId(),
          setup.group().getPeers().size() + "-member group",
          config.transport(),
          setup.address());
      return store;
    } catch (IOException | RuntimeException e) {
      lmdb.close();
      throw e;
    }
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, RaftStore.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  public StoreConfig config() {
    return config;
  }

  public StoreMetrics metrics() {
    return metrics;
  }

  /** Membership of this store's Raft group: list, add, remove members, move the leadership. */
  public ClusterAdmin cluster() {
    return cluster;
  }

  /**
   * Followers ask the leader for read indexes through {@code path} first (the Raft client stays the
   * fallback). Set once the API server that provides the path is listening; the store closes it.
   */
  public void leaderReadIndexVia(LeaderReadIndex path) {
    gateway.leaderReadIndexVia(path);
  }

  /**
   * The leader's side of {@link LeaderReadIndex}: this member's applied index once a linearizable
   * read-index round that started after the call has finished (shared with this member's own
   * readers), so every write acknowledged before the call is at or below it. Blocks; 503 on a
   * member that is not the leader (a follower answering would send the asker round in circles) or
   * when the round does not finish within the request timeout.
   */
  public long readIndexAsLeader() {
    ensureServing();
    if (!gateway.division().getInfo().isLeader()) {
      throw ApiException.unavailable("member " + server.getId() + " is not the Raft leader");
    }
    awaitReadIndex("read index for a follower");
    return stateMachine.appliedIndex();
  }

  /** This member's Raft address ({@code host:port}). */
  public String raftAddress() {
    return server.getPeer().getAddress();
  }

  /** Waits until {@link #ready()}; false if {@code timeout} passed first. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public CompletableFuture<TxnResult> commit(Txn txn) {
    if (closed) {
      return CompletableFuture.failedFuture(ApiException.unavailable("storage is closed"));
    }
    byte[] command;
    try {
      command = CommandCodec.encode(txn, RatisProperties.MAX_COMMAND_BYTES);
    } catch (ApiException e) {
      return CompletableFuture.failedFuture(e);
    }
    long start = System.nanoTime();
    return CoarseTimeouts.within(batcher.submit(command), config.requestTimeout())
        .handle(
            (result, error) -> {
              commitLatency.observeNanos(System.nanoTime() - start);
              if (error != null) {
                throw new CompletionException(unwrap(error, "commit"));
              }
              return result;
            });
  }

  @Override
  public Optional<StoredObject> get(String key, Consistency consistency) {
    awaitConsistency(consistency);
    return lmdb.get(key);
  }

  @Override
  public ListPage list(String prefix, String startAfter, int limit, Consistency consistency) {
    if (limit < 0) {
      throw ApiException.badRequest("limit: must be >= 0, was " + limit);
    }
    awaitConsistency(consistency);
    return lmdb.list(prefix, startAfter, limit);
  }

  private void awaitConsistency(Consistency consistency) {
    ensureServing();
    if (consistency == Consistency.LOCAL) {
      return;
    }
    linearizableReads.increment();
    awaitReadIndex("linearizable read");
  }

  /** 503 when this store is closed or has stopped applying entries. */
  private void ensureServing() {
    if (closed) {
      throw ApiException.unavailable("storage is closed");
    }
    RuntimeException failure = stateMachine.applyFailure();
    if (failure != null) {
      throw ApiException.unavailable("storage stopped: " + failure.getMessage());
    }
  }

  /** Waits for a read-index round that starts after the call, up to the request timeout. */
  private void awaitReadIndex(String what) {
    try {
      // A copy: the round's future is shared by every reader that joined it. An untimed wait
      // bounded by CoarseTimeouts costs no timer of its own.
      CoarseTimeouts.within(barrier.await().copy(), config.requestTimeout()).join();
    } catch (CompletionException | CancellationException e) {
      throw unwrap(e.getCause() == null ? e : e.getCause(), what);
    }
  }

  private ApiException unwrap(Throwable error, String what) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof TimeoutException) {
      return ApiException.unavailable(
          "storage did not complete the "
              + what
              + " within "
              + config.requestTimeout().toMillis()
              + " ms (no leader or overloaded)");
    }
    return StorageFailures.of(what, t);
  }

  @Override
  public long revision() {
    return stateMachine.revision();
  }

  /** Revisions above {@code compactedRevision} are retained: this is the oldest one. */
  @Override
  public long oldestWatchableRevision() {
    return stateMachine.compactedRevision() + 1;
  }

  @Override
  public WatchRegistration watch(
      String prefix, long afterRevision, Predicate<WatchEvent> filter, WatchSink sink) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(sink, "sink");
    if (closed) {
      throw ApiException.unavailable("storage is closed");
    }
    if (afterRevision < 0) {
      throw ApiException.badRequest("resourceVersion: must be >= 0, was " + afterRevision);
    }
    long oldest = oldestWatchableRevision();
    if (afterRevision < oldest - 1) {
      throw ApiException.gone(
          "too old resource version: "
              + afterRevision
              + " (the oldest watchable revision is "
              + oldest
              + ")");
    }
    return hub.register(prefix, afterRevision, filter == null ? e -> true : filter, sink);
  }

  @Override
  public boolean ready() {
    return notReadyReason() == null;
  }

  /**
   * Null when this replica can serve; otherwise why not: closed, stopped, "no leader", or "catching
   * up: applied X of leader commit Y" (see {@link Readiness}).
   */
  @Override
  public String notReadyReason() {
    if (closed) {
      return "storage is closed";
    }
    RuntimeException failure = stateMachine.applyFailure();
    if (failure != null) {
      return "storage stopped: " + failure.getMessage();
    }
    return readiness.notReadyReason();
  }

  int watcherCount() {
    return hub.watcherCount();
  }

  HistogramSnapshot commitLatency() {
    return commitLatency.snapshot();
  }

  long linearizableReads() {
    return linearizableReads.sum();
  }

  long clientReadIndexRounds() {
    return gateway.clientReadIndexRounds();
  }

  long readIndexRequests() {
    return readIndexRequests.sum();
  }

  /** Bytes of Raft log segments on disk now. */
  long logBytes() {
    return logSize.logBytes();
  }

  long commitEntries() {
    return batcher.entries();
  }

  long committedTransactions() {
    return batcher.transactions();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    logSize.close();
    batcher.close();
    hub.close();
    gateway.close();
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("closing the Raft server failed: {}", e.toString());
    }
    lmdb.close();
  }
}
