package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.put;
import static dev.nexus.apiserver.storage.raft.Stores.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.watch.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Close and reopen on the same directory: nothing acknowledged may be lost. */
class RestartIT {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteAndTheWatchHistorySurviveARestart() throws Exception {
    StoreConfig config = Stores.config(dir).build();
    List<Long> revisions = new ArrayList<>();
    try (RaftStore store = Stores.openReady(config)) {
      List<CompletableFuture<Long>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        writes.add(CompletableFuture.supplyAsync(() -> put(store, "/r/" + n, "v" + n).revision()));
      }
      writes.forEach(w -> revisions.add(w.join()));
    }

    try (RaftStore store = Stores.openReady(config)) {
      for (int i = 0; i < 200; i++) {
        assertThat(s(store.get("/r/" + i, Consistency.LINEARIZABLE).orElseThrow().value()))
            .isEqualTo("v" + i);
      }
      long max = revisions.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(store.revision()).isGreaterThanOrEqualTo(max);
      assertThat(put(store, "/r/after", "x").revision()).isGreaterThan(max);

      RecordingSink sink = new RecordingSink();
      store.watch("/r/", 0, null, sink);
      await().until(() -> sink.events.size() == 201);
      assertThat(sink.revisions()).isSorted().containsAll(revisions);
    }
  }

  @Test
  void aSnapshotIsTakenTheLogPurgedAndARestartLoadsIt() throws Exception {
    // Small log segments and 8 KiB values, so that the log rolls over and old segments can go.
    StoreConfig config =
        Stores.config(dir).snapshotEveryEntries(40).logSegmentSizeBytes(1 << 20).build();
    String pad = "p".repeat(8 << 10);
    try (RaftStore store = Stores.openReady(config)) {
      for (int i = 0; i < 300; i++) {
        put(store, "/s/" + i, "v" + i + pad);
      }
      // Snapshots are copied in the background, and a copy is started (and a finished one reported
      // to Ratis) only when an entry is applied: keep writing until one past 200 exists and Ratis
      // has purged the log behind it. (A slow copy could otherwise still cover only index 160
      // when the 300 puts are done, and nothing would start the next.)
      AtomicInteger extra = new AtomicInteger();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                put(store, "/t/" + extra.incrementAndGet(), "x" + pad);
                return store.metrics().snapshotIndex() > 200;
              });
      assertThat(store.metrics().snapshotsTaken()).isPositive();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                put(store, "/t/" + extra.incrementAndGet(), "x" + pad);
                assertThat(firstLogIndex()).as("log purged up to a snapshot").isPositive();
              });
    }
    assertThat(snapshotFiles())
        .anySatisfy(f -> assertThat(f.getFileName().toString()).matches("snapshot\\.\\d+_\\d+"));
    assertThat(snapshotFiles())
        .anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".md5"));

    // Without its LMDB the store must come back from the snapshot plus the log after it.
    deleteTree(dir.resolve("lmdb"));
    try (RaftStore store = Stores.openReady(config)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> store.get("/s/299", Consistency.LOCAL).isPresent());
      for (int i = 0; i < 300; i++) {
        assertThat(s(store.get("/s/" + i, Consistency.LINEARIZABLE).orElseThrow().value()))
            .isEqualTo("v" + i + pad);
      }
      put(store, "/s/after", "x");

      // The watch history came back with the snapshot: a watch from the start sees everything.
      RecordingSink sink = new RecordingSink();
      store.watch("/s/", 0, null, sink);
      await().until(() -> sink.events.size() >= 301);
      assertThat(sink.events).hasSize(301);
      assertThat(sink.revisions()).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aDatabaseLeftOpenAcrossAMachineRestartIsRebuilt() throws Exception {
    StoreConfig config = Stores.config(dir).snapshotEveryEntries(50).build();
    try (RaftStore store = Stores.openReady(config)) {
      IntStream.range(0, 120).forEach(i -> put(store, "/b/" + i, "v" + i));
      await().until(() -> store.metrics().snapshotsTaken() > 0);
    }
    // What a power cut while the store was open leaves behind: the marker of another boot.
    Files.writeString(dir.resolve("lmdb").resolve("OPEN"), "00000000-another-boot");

    try (RaftStore store = Stores.openReady(config)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> store.get("/b/119", Consistency.LOCAL).isPresent());
      assertThat(store.list("/b/", null, 0, Consistency.LINEARIZABLE).items()).hasSize(120);
    }
  }

  private List<Path> snapshotFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("raft"))) {
      return files.filter(p -> p.getParent().getFileName().toString().equals("sm")).toList();
    }
  }

  /**
   * The smallest start index among the Raft log segment files (log_START-END,
   * log_inprogress_START).
   */
  private long firstLogIndex() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("raft"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("log_"))
          .mapToLong(
              n ->
                  Long.parseLong(
                      n.replace("log_inprogress_", "").replace("log_", "").split("-")[0]))
          .min()
          .orElse(-1);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
