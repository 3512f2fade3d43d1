package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots by bytes: with snapshots by entries effectively off, a steady write load keeps the Raft
 * log on disk near {@code snapshotEveryBytes}, because the log-size watcher asks for snapshots and
 * Ratis purges the log up to them.
 */
class LogSizeIT {
  @TempDir Path dir;

  @Test
  void aSteadyWriteLoadKeepsTheLogNearItsByteLimit() throws Exception {
    long limit = 1 << 20;
    StoreConfig config =
        Stores.config(dir).snapshotEveryEntries(10_000_000).snapshotEveryBytes(limit).build();
    try (RaftStore store = Stores.openReady(config)) {
      byte[] value = new byte[4096];
      long maxSeen = 0;
      long written = 0;
      long end = System.nanoTime() + Duration.ofSeconds(14).toNanos();
      int i = 0;
      // About 500-640 KiB/s in batches of 16 concurrent 4 KiB puts: ten times the limit over the
      // run.
      while (System.nanoTime() < end) {
        List<CompletableFuture<?>> batch = new ArrayList<>();
        for (int j = 0; j < 16; j++, i++) {
          batch.add(store.commit(Txn.of(new Op.Put("k" + i, value, Precondition.NONE))));
          written += value.length;
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        maxSeen = Math.max(maxSeen, store.logBytes());
        await().pollDelay(Duration.ofMillis(50)).until(() -> true); // pace the load
      }
      System.out.printf(
          "LogSizeIT: wrote %d KiB, largest log %d KiB, %d snapshots%n",
          written >> 10, maxSeen >> 10, store.metrics().snapshotsTaken());
      assertThat(written).isGreaterThan(10 * limit);
      assertThat(store.metrics().snapshotsTaken()).isGreaterThanOrEqualTo(1);
      // The limit, one open segment (1 MiB here) and what arrives during the two checks (0.5 s
      // apart) and the copy a snapshot by bytes takes: a few MiB (6 seen on a loaded machine),
      // never the whole history that an unbounded log would hold.
      assertThat(maxSeen).as("largest log seen").isLessThan(Math.min(8 * limit, written / 2));
      // Once the load stops the log stays a few segments long (4 MiB seen on a loaded machine):
      // what matters is that it is a small part of what was written.
      long total = written;
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(store.logBytes()).isLessThan(Math.min(6 * limit, total / 3)));
    }
  }
}
