package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.put;
import static dev.nexus.apiserver.storage.raft.Stores.s;
import static dev.nexus.apiserver.storage.raft.Stores.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One running one-member store shared by tests that each use their own key prefix. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaftStoreIT {
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
  void aCreateIsReadableAtTheRevisionItWasCommittedAt() {
    TxnResult r = store.commit(Txn.of(new Op.Put("/create/a", v("A"), Precondition.ABSENT))).join();

    assertThat(r.succeeded()).isTrue();
    StoredObject got = store.get("/create/a", Consistency.LINEARIZABLE).orElseThrow();
    assertThat(s(got.value())).isEqualTo("A");
    assertThat(got.modRevision()).isEqualTo(r.revision());
    assertThat(got.createRevision()).isEqualTo(r.revision());
    assertThat(store.get("/create/missing", Consistency.LOCAL)).isEmpty();
  }

  @Test
  void revisionsAreTheRaftLogIndexesAndIncrease() {
    List<Long> revisions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      revisions.add(put(store, "/rev/" + i, "x").revision());
    }

    assertThat(revisions).isSorted().doesNotHaveDuplicates();
    long last = revisions.getLast();
    assertThat(store.metrics().appliedIndex()).isGreaterThanOrEqualTo(last);
    assertThat(store.revision()).isGreaterThanOrEqualTo(last);
    var division = store.metrics();
    assertThat(division.commitIndex()).isGreaterThanOrEqualTo(last);
    // each write is exactly one log entry: consecutive writes from one thread are adjacent
    assertThat(revisions.get(4) - revisions.get(0)).isEqualTo(4);
  }

  @Test
  void listPagesAndReturnsARevisionFromTheSameSnapshot() {
    for (int i = 0; i < 7; i++) {
      put(store, "/list/k" + i, "v" + i);
    }
    long before = store.revision();

    List<String> keys = new ArrayList<>();
    String after = null;
    ListPage page;
    do {
      page = store.list("/list/", after, 3, Consistency.LINEARIZABLE);
      page.items().forEach(o -> keys.add(o.key()));
      after = page.items().isEmpty() ? after : page.items().getLast().key();
      assertThat(page.revision()).isGreaterThanOrEqualTo(before);
    } while (page.more());

    assertThat(keys)
        .containsExactly(
            "/list/k0", "/list/k1", "/list/k2", "/list/k3", "/list/k4", "/list/k5", "/list/k6");
  }

  @Test
  void aMultiOpTxnWithAFailingPreconditionInTheMiddleWritesNothing() {
    TxnResult existing = put(store, "/multi/exists", "old");

    TxnResult r =
        store
            .commit(
                Txn.of(
                    new Op.Put("/multi/new1", v("n1"), Precondition.ABSENT),
                    new Op.Put("/multi/exists", v("clobber"), Precondition.ABSENT),
                    new Op.Put("/multi/new2", v("n2"), Precondition.ABSENT)))
            .join();

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failedOp()).isEqualTo(1);
    assertThat(r.current())
        .get()
        .satisfies(
            c -> {
              assertThat(s(c.value())).isEqualTo("old");
              assertThat(c.modRevision()).isEqualTo(existing.revision());
            });
    assertThat(r.revision()).isGreaterThan(existing.revision());
    assertThat(store.get("/multi/new1", Consistency.LINEARIZABLE)).isEmpty();
    assertThat(store.get("/multi/new2", Consistency.LINEARIZABLE)).isEmpty();
    assertThat(s(store.get("/multi/exists", Consistency.LINEARIZABLE).orElseThrow().value()))
        .isEqualTo("old");
  }

  @Test
  void aSuccessfulMultiOpTxnAppliesAllAtOneRevision() {
    TxnResult r =
        store
            .commit(
                Txn.of(
                    new Op.Put("/all/1", v("1"), Precondition.ABSENT),
                    new Op.Put("/all/2", v("2"), Precondition.ABSENT)))
            .join();

    assertThat(r.succeeded()).isTrue();
    assertThat(store.get("/all/1", Consistency.LOCAL).orElseThrow().modRevision())
        .isEqualTo(r.revision());
    assertThat(store.get("/all/2", Consistency.LOCAL).orElseThrow().modRevision())
        .isEqualTo(r.revision());
  }

  @Test
  void aCheckGuardsAWriteThroughTheLogAndIsNeverWatched() {
    long start = store.revision();
    var sink = new dev.nexus.apiserver.storage.watch.RecordingSink();
    store.watch("/guard/", start, null, sink);
    long guardRev = put(store, "/guard/ns", "active").revision();

    TxnResult guarded =
        store
            .commit(
                Txn.of(
                    new Op.Put("/guard/ns/a", v("a"), Precondition.ABSENT),
                    new Op.Check("/guard/ns", Precondition.modRevision(guardRev))))
            .join();
    assertThat(guarded.succeeded()).isTrue();
    long changed = put(store, "/guard/ns", "terminating").revision();

    TxnResult stale =
        store
            .commit(
                Txn.of(
                    new Op.Put("/guard/ns/b", v("b"), Precondition.ABSENT),
                    new Op.Check("/guard/ns", Precondition.modRevision(guardRev))))
            .join();

    assertThat(stale.succeeded()).isFalse();
    assertThat(stale.failedOp()).isEqualTo(1);
    assertThat(stale.current().orElseThrow().modRevision()).isEqualTo(changed);
    assertThat(store.get("/guard/ns/b", Consistency.LINEARIZABLE)).isEmpty();
    assertThat(store.get("/guard/ns", Consistency.LOCAL).orElseThrow().modRevision())
        .isEqualTo(changed);
    long last = put(store, "/guard/end", "x").revision();
    org.awaitility.Awaitility.await().until(() -> sink.revisions().contains(last));
    assertThat(sink.events)
        .extracting(e -> e.type() + " " + e.key())
        .containsExactly(
            "ADDED /guard/ns", "ADDED /guard/ns/a", "MODIFIED /guard/ns", "ADDED /guard/end");
  }

  @Test
  void aStaleModRevisionConflicts() {
    long first = put(store, "/cas/x", "1").revision();
    TxnResult second =
        store.commit(Txn.of(new Op.Put("/cas/x", v("2"), Precondition.modRevision(first)))).join();
    assertThat(second.succeeded()).isTrue();

    TxnResult stale =
        store.commit(Txn.of(new Op.Put("/cas/x", v("3"), Precondition.modRevision(first)))).join();

    assertThat(stale.succeeded()).isFalse();
    assertThat(stale.current().orElseThrow().modRevision()).isEqualTo(second.revision());
    assertThat(s(store.get("/cas/x", Consistency.LINEARIZABLE).orElseThrow().value()))
        .isEqualTo("2");
  }

  @Test
  void deleteRemovesAndACreateAfterwardsStartsANewLife() {
    long created = put(store, "/del/x", "1").revision();
    TxnResult del = store.commit(Txn.of(new Op.Delete("/del/x", Precondition.PRESENT))).join();
    assertThat(del.succeeded()).isTrue();
    assertThat(store.get("/del/x", Consistency.LINEARIZABLE)).isEmpty();

    TxnResult again = store.commit(Txn.of(new Op.Delete("/del/x", Precondition.PRESENT))).join();
    assertThat(again.succeeded()).isFalse();
    assertThat(again.current()).isEmpty();

    long recreated = put(store, "/del/x", "2").revision();
    assertThat(store.get("/del/x", Consistency.LOCAL).orElseThrow().createRevision())
        .isEqualTo(recreated)
        .isGreaterThan(created);
  }

  @Test
  void aLinearizableReadSeesAWriteAcknowledgedOnAnotherThread() throws Exception {
    for (int i = 0; i < 50; i++) {
      String key = "/lin/" + i;
      long rev = CompletableFuture.supplyAsync(() -> put(store, key, "v").revision()).get();
      StoredObject got = store.get(key, Consistency.LINEARIZABLE).orElseThrow();
      assertThat(got.modRevision()).isEqualTo(rev);
    }
    assertThat(store.metrics().linearizableReads()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void badInputIsRefusedWithAClearError() {
    assertThatThrownBy(() -> store.commit(Txn.of(new Op.Put("", v("x"), Precondition.NONE))).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ops[0].key");
    assertThatThrownBy(
            () -> store.watch("/", -1, null, new dev.nexus.apiserver.storage.watch.RecordingSink()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("resourceVersion");
    assertThatThrownBy(() -> store.list("/", null, -1, Consistency.LOCAL))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void metricsDescribeALeaderThatApplies() {
    put(store, "/metrics/x", "1");
    StoreMetrics m = store.metrics();

    assertThat(m.role()).isEqualTo("LEADER");
    assertThat(m.leaderId()).contains("n1");
    assertThat(m.term()).isPositive();
    assertThat(m.applyLatency().count()).isPositive();
    assertThat(m.commitLatency().count()).isPositive();
    assertThat(store.ready()).isTrue();
  }

  @Test
  void aFreshStoreListsAtRevisionZeroAndAWatchFromThereSeesTheFirstWrite() throws Exception {
    try (RaftStore fresh = Stores.openReady(Stores.config(dir.resolve("fresh")).build())) {
      ListPage empty = fresh.list("/", null, 0, Consistency.LINEARIZABLE);
      assertThat(empty.items()).isEmpty();
      assertThat(empty.revision()).isZero();
      var sink = new dev.nexus.apiserver.storage.watch.RecordingSink();
      fresh.watch("/", empty.revision(), null, sink);

      long rev = put(fresh, "/first", "1").revision();

      org.awaitility.Awaitility.await().until(() -> sink.events.size() == 1);
      assertThat(sink.revisions()).containsExactly(rev);
    }
  }
}
