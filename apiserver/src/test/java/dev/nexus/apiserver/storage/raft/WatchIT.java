package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.put;
import static dev.nexus.apiserver.storage.raft.Stores.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.watch.RecordingSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Watches through the whole store: Raft, apply pipeline, LMDB history, ring and fan-out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchIT {
  @TempDir static Path dir;
  RaftStore store;

  @BeforeAll
  void open() throws Exception {
    store = Stores.openReady(Stores.config(dir).build());
  }

  @AfterAll
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void everyWriteFromManyThreadsArrivesExactlyOnceInRevisionOrder() {
    long start = store.revision();
    RecordingSink early = new RecordingSink();
    store.watch("/many/", start, null, early);
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    RecordingSink late = new RecordingSink();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 100; i++) {
                  acknowledged.add(put(store, "/many/" + thread + "/" + i, "v").revision());
                  if (thread == 0 && i == 50) {
                    store.watch("/many/", start, null, late); // joins mid-stream, from the start
                  }
                }
              },
              Thread::startVirtualThread));
    }
    writers.forEach(CompletableFuture::join);

    for (RecordingSink sink : List.of(early, late)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() >= 800);
      // Concurrent writes may share an entry (group commit), hence a revision: each key once.
      assertThat(sink.keys()).hasSize(800).doesNotHaveDuplicates();
      assertThat(sink.revisions()).isSorted();
      assertThat(new HashSet<>(sink.revisions())).isEqualTo(acknowledged);
      assertThat(sink.closedReason.get()).isNull();
    }
  }

  @Test
  void aWatchFromTheRevisionOfAListMissesNothing() {
    for (int i = 0; i < 20; i++) {
      put(store, "/resume/" + i, "before");
    }
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> IntStream.range(0, 200).forEach(i -> put(store, "/resume/w" + i, "during")));
    ListPage page = store.list("/resume/", null, 0, Consistency.LINEARIZABLE);
    RecordingSink sink = new RecordingSink();
    store.watch("/resume/", page.revision(), null, sink);
    writer.join();

    Set<String> seen = new HashSet<>();
    page.items().forEach(o -> seen.add(o.key()));
    await().until(() -> seen.size() + sink.events.size() >= 220);
    sink.events.forEach(e -> assertThat(e.revision()).isGreaterThan(page.revision()));
    sink.keys().forEach(seen::add);
    assertThat(seen).hasSize(220);
    assertThat(page.items().size() + sink.events.size()).isEqualTo(220);
  }

  @Test
  void onlyKeysUnderThePrefixArriveAndAMultiOpTxnArrivesInOpOrder() {
    long start = store.revision();
    RecordingSink sink = new RecordingSink();
    store.watch("/prefix/a/", start, e -> e.type() != WatchEvent.Type.DELETED, sink);

    put(store, "/prefix/b/1", "no");
    long rev =
        store
            .commit(
                Txn.of(
                    new Op.Put("/prefix/a/2", v("x"), Precondition.NONE),
                    new Op.Put("/prefix/b/2", v("no"), Precondition.NONE),
                    new Op.Put("/prefix/a/1", v("y"), Precondition.NONE)))
            .join()
            .revision();
    store.commit(Txn.of(new Op.Delete("/prefix/a/1", Precondition.PRESENT))).join();
    put(store, "/prefix/a/3", "z");

    await().until(() -> sink.events.size() == 3);
    assertThat(sink.keys()).containsExactly("/prefix/a/2", "/prefix/a/1", "/prefix/a/3");
    assertThat(sink.events.get(0).revision()).isEqualTo(rev);
    assertThat(sink.events.get(1).revision()).isEqualTo(rev);
  }

  @Test
  void aThousandWatchersAllGetAWriteWithoutAThreadEach() {
    long start = store.revision();
    int threadsBefore = Thread.activeCount();
    List<RecordingSink> sinks = new ArrayList<>();
    List<dev.nexus.apiserver.storage.WatchRegistration> regs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      RecordingSink s = new RecordingSink();
      sinks.add(s);
      regs.add(store.watch("/fanout/", start, null, s));
    }
    assertThat(store.metrics().watcherCount()).isGreaterThanOrEqualTo(1_000);

    put(store, "/fanout/x", "1");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sinks.stream().allMatch(s -> s.events.size() == 1));
    assertThat(Thread.activeCount()).isLessThan(threadsBefore + 10);
    regs.forEach(dev.nexus.apiserver.storage.WatchRegistration::close);
    assertThat(store.metrics().watcherCount()).isLessThan(1_000);
  }

  @Test
  void aWatchOlderThanTheRetainedHistoryIs410() throws Exception {
    try (RaftStore small =
        Stores.openReady(Stores.config(dir.resolve("small")).watchHistoryWindow(10).build())) {
      for (int i = 0; i < 40; i++) {
        put(small, "/old/" + i, "v");
      }
      long oldest = small.oldestWatchableRevision();
      assertThat(oldest).isGreaterThan(20);

      assertThatThrownBy(() -> small.watch("/old/", oldest - 2, null, new RecordingSink()))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(410))
          .hasMessageContaining("too old");

      RecordingSink ok = new RecordingSink();
      small.watch("/old/", oldest - 1, null, ok);
      long last = small.revision();
      await().until(() -> !ok.events.isEmpty() && ok.revisions().getLast() == last);
      assertThat(ok.revisions().getFirst()).isEqualTo(oldest);
    }
  }
}
