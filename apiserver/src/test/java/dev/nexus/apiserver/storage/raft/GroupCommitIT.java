package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.s;
import static dev.nexus.apiserver.storage.raft.Stores.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.watch.RevisionSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit through the real store: concurrent transactions share Raft entries, yet each keeps
 * its own preconditions and result, the entry's index is the revision of all of them, watches get
 * each revision whole, and a restart replays the shared entries to the same state.
 */
class GroupCommitIT {
  private static final int THREADS = 64;
  private static final int ROUNDS = 15;

  @TempDir Path dir;

  /** What one writer got for one transaction. */
  record Outcome(String key, String value, TxnResult result) {}

  static List<Outcome> race(RaftStore store) throws InterruptedException {
    return race(store, THREADS, ROUNDS);
  }

  /**
   * {@code threads} writers; in each of {@code rounds} rounds every writer creates a key of its own
   * and races the others to create the round's shared key (exactly one wins), half of them in that
   * order and half the other way round.
   */
  static List<Outcome> race(RaftStore store, int threads, int rounds) throws InterruptedException {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    for (int round = 0; round < rounds; round++) {
                      String own = "/gc/own/" + thread + "/" + round;
                      String race = "/gc/race/" + round;
                      // Half race first: writers move in step, and each entry mixes both kinds.
                      for (String key : thread % 2 == 0 ? List.of(own, race) : List.of(race, own)) {
                        String value = "w" + thread;
                        TxnResult r =
                            store
                                .commit(Txn.of(new Op.Put(key, v(value), Precondition.ABSENT)))
                                .join();
                        outcomes.add(new Outcome(key, value, r));
                      }
                    }
                  }));
    }
    go.countDown();
    for (Thread w : writers) {
      w.join();
    }
    return outcomes;
  }

  @Test
  void concurrentTransactionsShareEntriesButEachKeepsItsOwnPreconditionAndResult()
      throws Exception {
    try (RaftStore store = Stores.openReady(Stores.config(dir).build())) {
      long entriesBefore = store.metrics().commitEntries();
      List<Outcome> outcomes = race(store);

      assertThat(outcomes).hasSize(THREADS * ROUNDS * 2);
      assertThat(store.metrics().committedTransactions()).isEqualTo(THREADS * ROUNDS * 2);
      assertThat(store.metrics().commitEntries() - entriesBefore)
          .as("transactions shared entries")
          .isLessThan(THREADS * ROUNDS * 2);
      Map<Long, List<Outcome>> byRevision =
          outcomes.stream().collect(Collectors.groupingBy(o -> o.result().revision()));
      assertThat(byRevision.values())
          .as("some entry held both an applied and a refused transaction")
          .anyMatch(
              os ->
                  os.stream().anyMatch(o -> o.result().succeeded())
                      && os.stream().anyMatch(o -> !o.result().succeeded()));

      for (Outcome o : outcomes) {
        StoredObject now = store.get(o.key(), Consistency.LINEARIZABLE).orElseThrow();
        if (o.result().succeeded()) {
          assertThat(s(now.value())).isEqualTo(o.value());
          assertThat(now.modRevision()).isEqualTo(o.result().revision());
          assertThat(now.createRevision()).isEqualTo(o.result().revision());
        } else {
          // Refused by its own precondition: told the winner's value, as if it ran alone.
          assertThat(o.key()).startsWith("/gc/race/");
          assertThat(o.result().failedOp()).isZero();
          assertThat(o.result().current()).isPresent();
          assertThat(s(o.result().current().get().value())).isEqualTo(s(now.value()));
          assertThat(o.result().current().get().modRevision())
              .isLessThanOrEqualTo(o.result().revision());
        }
      }
      Map<String, Long> winners =
          outcomes.stream()
              .filter(o -> o.result().succeeded())
              .collect(Collectors.groupingBy(Outcome::key, Collectors.counting()));
      assertThat(winners)
          .hasSize(THREADS * ROUNDS + ROUNDS)
          .allSatisfy((k, n) -> assertThat(n).isOne());
    }
  }

  @Test
  void withBatchingOffEveryTransactionHasAnEntryAndARevisionOfItsOwn() throws Exception {
    try (RaftStore store = Stores.openReady(Stores.config(dir).commitBatchMax(1).build())) {
      List<Outcome> outcomes = race(store, 16, 5);

      assertThat(outcomes.stream().map(o -> o.result().revision())).doesNotHaveDuplicates();
      assertThat(store.metrics().commitEntries())
          .isEqualTo(store.metrics().committedTransactions())
          .isEqualTo(outcomes.size());
    }
  }

  @Test
  void watchesGetEachSharedRevisionWholeAndResumeAfterItWithoutLossOrRepeat() throws Exception {
    try (RaftStore store = Stores.openReady(Stores.config(dir).build())) {
      long start = store.revision();
      RevisionSink live = new RevisionSink();
      store.watch("/gc/", start, null, live);
      List<Outcome> outcomes = race(store);
      List<Outcome> applied = outcomes.stream().filter(o -> o.result().succeeded()).toList();

      // Registered afterwards: catches up from LMDB history (the ring holds 64 revisions only).
      RevisionSink late = new RevisionSink();
      store.watch("/gc/", start, null, late);
      for (RevisionSink sink : List.of(live, late)) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() >= applied.size());
        assertThat(sink.events).hasSize(applied.size());
        assertThat(sink.events.stream().map(WatchEvent::key).toList())
            .containsExactlyInAnyOrderElementsOf(applied.stream().map(Outcome::key).toList());
        List<Long> offered = sink.revisions.stream().map(r -> r.getFirst().revision()).toList();
        assertThat(offered)
            .as("one offer per revision, in order")
            .isSorted()
            .doesNotHaveDuplicates();
        for (List<WatchEvent> revision : sink.revisions) {
          long rv = revision.getFirst().revision();
          assertThat(revision).allMatch(e -> e.revision() == rv);
          assertThat(revision.stream().map(WatchEvent::key).toList())
              .containsExactlyInAnyOrderElementsOf(
                  applied.stream()
                      .filter(o -> o.result().revision() == rv)
                      .map(Outcome::key)
                      .toList());
        }
      }
      assertThat(live.events.stream().map(e -> e.revision() + e.key()).toList())
          .as("both watches saw the same order")
          .isEqualTo(late.events.stream().map(e -> e.revision() + e.key()).toList());

      // Resuming after a revision that several writes share: none of them again, all the rest.
      Map<Long, Long> sizes = new HashMap<>();
      applied.forEach(o -> sizes.merge(o.result().revision(), 1L, Long::sum));
      long shared =
          sizes.entrySet().stream()
              .filter(e -> e.getValue() > 1)
              .findFirst()
              .orElseThrow()
              .getKey();
      RevisionSink resumed = new RevisionSink();
      store.watch("/gc/", shared, null, resumed);
      long after = applied.stream().filter(o -> o.result().revision() > shared).count();
      await().until(() -> resumed.events.size() >= after);
      assertThat(resumed.events).hasSize((int) after).allMatch(e -> e.revision() > shared);
    }
  }

  @Test
  void aRestartReplaysSharedEntriesToTheSameObjectsAndHistory() throws Exception {
    StoreConfig config = Stores.config(dir).build();
    Map<String, Long> revisions = new ConcurrentHashMap<>();
    long start;
    try (RaftStore store = Stores.openReady(config)) {
      start = store.revision();
      for (Outcome o : race(store)) {
        if (o.result().succeeded()) {
          revisions.put(o.key(), o.result().revision());
        }
      }
    }
    RestartIT.deleteTree(dir.resolve("lmdb")); // everything must come back from the Raft log

    try (RaftStore store = Stores.openReady(config)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  store.revision()
                      >= revisions.values().stream().mapToLong(l -> l).max().orElseThrow());
      revisions.forEach(
          (key, rv) ->
              assertThat(store.get(key, Consistency.LOCAL).orElseThrow().modRevision())
                  .as(key)
                  .isEqualTo(rv));
      RevisionSink sink = new RevisionSink();
      store.watch("/gc/", start, null, sink);
      await().until(() -> sink.events.size() >= revisions.size());
      assertThat(sink.events).hasSize(revisions.size());
      for (WatchEvent e : sink.events) {
        assertThat(e.revision()).as(e.key()).isEqualTo(revisions.get(e.key()));
      }
    }
  }
}
