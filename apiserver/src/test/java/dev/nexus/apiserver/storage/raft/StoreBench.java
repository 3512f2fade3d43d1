package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw {@link RaftStore} throughput, with no HTTP in the way: N concurrent committers creating ~1
 * KiB values, then N concurrent linearizable and local readers of random keys (and, with several
 * members, linearizable readers on a follower). Not part of the test suite. From the repository
 * root:
 *
 * <pre>
 * bin/mvn -q -o -pl apiserver test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * cd apiserver &amp;&amp; java --add-opens java.base/java.nio=ALL-UNNAMED \
 *     --add-opens java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
 *     -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.nexus.apiserver.storage.raft.StoreBench [seconds=10] [clients=64] [members=1] \
 *     [transport=NETTY] [writes]
 * </pre>
 *
 * It prints throughput, p50/p99 latency and process CPU time per operation (the steadier figure on
 * a shared machine) for each phase. Data goes to a temporary directory deleted afterwards.
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int members = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    StoreConfig.Transport transport =
        args.length > 3 ? StoreConfig.Transport.valueOf(args[3]) : StoreConfig.Transport.NETTY;
    boolean readsToo = args.length <= 4 || !args[4].equals("writes");
    Path root = Files.createTempDirectory("nexus-store-bench");
    List<RaftStore> stores = open(root, members, transport);
    RaftStore leader = leaderOf(stores);
    try {
      byte[] value = new byte[1024];
      Arrays.fill(value, (byte) 'x');
      warmUp(leader, value);
      System.out.printf(
          "members=%d transport=%s clients=%d value=%dB seconds=%d%n",
          members, transport, clients, value.length, seconds);
      Result writes =
          run(
              "commit",
              clients,
              seconds,
              (c, i) -> {
                leader
                    .commit(Txn.of(new Op.Put("/bench/" + c + "/" + i, value, Precondition.ABSENT)))
                    .join();
              });
      long keys = writes.count;
      System.out.printf(
          "snapshots taken: %d, batches: apply mean %.1f us/entry%n",
          leader.metrics().snapshotsTaken(),
          leader.metrics().applyLatency().sumSeconds()
              / leader.metrics().applyLatency().count()
              * 1e6);
      if (!readsToo) {
        return;
      }
      Result reads =
          run(
              "linearizable get",
              clients,
              seconds,
              (c, i) -> {
                int k = (int) ThreadLocalRandom.current().nextLong(Math.min(keys / clients, 1000));
                leader.get("/bench/" + c + "/" + k, Consistency.LINEARIZABLE);
              });
      Result local =
          run(
              "local get",
              clients,
              seconds,
              (c, i) -> {
                int k = (int) ThreadLocalRandom.current().nextLong(Math.min(keys / clients, 1000));
                leader.get("/bench/" + c + "/" + k, Consistency.LOCAL);
              });
      if (stores.size() > 1) {
        RaftStore follower = stores.stream().filter(x -> x != leader).findFirst().orElseThrow();
        run(
            "follower linearizable get",
            clients,
            seconds,
            (c, i) -> {
              int k = (int) ThreadLocalRandom.current().nextLong(Math.min(keys / clients, 1000));
              follower.get("/bench/" + c + "/" + k, Consistency.LINEARIZABLE);
            });
      }
      StoreMetrics m = leader.metrics();
      System.out.printf(
          "read-index rounds: %d for %d linearizable reads%n",
          m.readIndexRequests(), m.linearizableReads());
      HistogramSnapshot apply = m.applyLatency();
      System.out.printf(
          "apply: %d entries, mean %.1f us%n",
          apply.count(), apply.sumSeconds() / apply.count() * 1e6);
      System.out.println(List.of(writes, reads, local));
    } finally {
      for (RaftStore s : stores) {
        s.close();
      }
      deleteTree(root);
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<RaftStore> open(Path root, int members, StoreConfig.Transport transport)
      throws Exception {
    Map<String, String> peers = new LinkedHashMap<>();
    if (members > 1) {
      for (int i = 1; i <= members; i++) {
        peers.put("n" + i, "127.0.0.1:" + (21000 + i));
      }
    }
    List<RaftStore> stores = new ArrayList<>();
    try {
      openAll(root, members, transport, peers, stores);
    } catch (Exception e) {
      for (RaftStore s : stores) {
        s.close();
      }
      throw e;
    }
    return stores;
  }

  private static void openAll(
      Path root,
      int members,
      StoreConfig.Transport transport,
      Map<String, String> peers,
      List<RaftStore> stores)
      throws Exception {
    for (int i = 1; i <= members; i++) {
      stores.add(
          RaftStore.open(
              StoreConfig.builder(root.resolve("n" + i))
                  .memberId("n" + i)
                  .peers(peers)
                  .transport(transport)
                  .build()));
    }
    for (RaftStore s : stores) {
      if (!s.awaitReady(Duration.ofSeconds(30))) {
        throw new IllegalStateException("no leader after 30 s");
      }
    }
  }

  private static RaftStore leaderOf(List<RaftStore> stores) {
    return stores.stream()
        .filter(s -> s.metrics().role().equals("LEADER"))
        .findFirst()
        .orElseThrow();
  }

  private static void warmUp(RaftStore store, byte[] value) throws Exception {
    run(
        "warm-up",
        64,
        5,
        (c, i) ->
            store
                .commit(Txn.of(new Op.Put("/warm/" + c + "/" + i, value, Precondition.NONE)))
                .join());
  }

  interface Call {
    void run(int client, long iteration) throws Exception;
  }

  /**
   * Throughput, latency, and CPU time of this process per operation (robust to noisy neighbours).
   */
  record Result(
      String name, long count, double perSecond, double p50Ms, double p99Ms, double cpuUsPerOp) {
    @Override
    public String toString() {
      return String.format(
          "%s: %.0f/s (p50 %.2f ms, p99 %.2f ms, %.0f us CPU/op)",
          name, perSecond, p50Ms, p99Ms, cpuUsPerOp);
    }
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Result run(String name, int clients, int seconds, Call call) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong count = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    long gcStart = gcMillis();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[] lat = new long[300_000];
      latencies.add(lat);
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    long i = 0;
                    try {
                      while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        call.run(client, i);
                        if (i < lat.length) {
                          lat[(int) i] = System.nanoTime() - t0;
                        }
                        i++;
                      }
                    } catch (Exception e) {
                      System.err.println(name + " client " + client + " failed: " + e);
                    }
                    count.addAndGet(i);
                    lat[lat.length - 1] = i;
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuPerOp = (processCpuNanos() - cpuStart) / 1e3 / Math.max(1, count.get());
    long[] all =
        latencies.stream()
            .flatMapToLong(l -> Arrays.stream(l, 0, (int) Math.min(l[l.length - 1], l.length - 1)))
            .sorted()
            .toArray();
    Result r =
        new Result(
            name,
            count.get(),
            count.get() / elapsed,
            all.length == 0 ? 0 : all[all.length / 2] / 1e6,
            all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6,
            cpuPerOp);
    System.out.println(r + String.format(" gc %d ms", gcMillis() - gcStart));
    return r;
  }
}
