package dev.nexus.apiserver.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LMDB layer alone: what one applied entry does to objects, history and meta. */
class TxnApplierTest {
  @TempDir Path dir;
  LmdbStore store;
  TxnApplier applier;
  long index = 10;

  @BeforeEach
  void open() throws Exception {
    store = LmdbStore.open(dir, new LmdbOptions(64L << 20, 64, false));
    applier = new TxnApplier(store, 5);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static byte[] v(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  ApplyOutcome apply(Op... ops) {
    return applier.apply(1, ++index, List.of(ops));
  }

  @Test
  void aCreateIsReadableWithItsRevisions() {
    ApplyOutcome out = apply(new Op.Put("/a/1", v("one"), Precondition.ABSENT));

    assertThat(out.result().succeeded()).isTrue();
    assertThat(out.result().revision()).isEqualTo(11);
    StoredObject got = store.get("/a/1").orElseThrow();
    assertThat(got.value()).isEqualTo(v("one"));
    assertThat(got.modRevision()).isEqualTo(11);
    assertThat(got.createRevision()).isEqualTo(11);

    apply(new Op.Put("/a/1", v("uno"), Precondition.modRevision(11)));
    StoredObject updated = store.get("/a/1").orElseThrow();
    assertThat(updated.modRevision()).isEqualTo(12);
    assertThat(updated.createRevision()).isEqualTo(11);
  }

  @Test
  void listPagesInKeyOrderWithinThePrefixAndReportsTheAppliedRevision() {
    for (String k : List.of("/b/3", "/a/2", "/a/1", "/a/3", "/ab/1")) {
      apply(new Op.Put(k, v(k), Precondition.ABSENT));
    }

    ListPage first = store.list("/a/", null, 2);
    assertThat(first.items()).extracting(StoredObject::key).containsExactly("/a/1", "/a/2");
    assertThat(first.more()).isTrue();
    assertThat(first.revision()).isEqualTo(15);

    ListPage second = store.list("/a/", "/a/2", 2);
    assertThat(second.items()).extracting(StoredObject::key).containsExactly("/a/3");
    assertThat(second.more()).isFalse();

    assertThat(store.list("/", null, 0).items()).hasSize(5);
    assertThat(store.list("", null, 0).items()).hasSize(5);
    assertThat(store.list("", "/a/3", 0).items())
        .extracting(StoredObject::key)
        .containsExactly("/ab/1", "/b/3");
    assertThat(store.list("/a/", "/a/1" + "z".repeat(600), 0).items())
        .extracting(StoredObject::key)
        .containsExactly("/a/2", "/a/3");
    assertThat(store.list("/c/", null, 0).items()).isEmpty();
  }

  @Test
  void keysThatCannotExistAreSimplyAbsent() {
    assertThat(store.get("")).isEmpty();
    assertThat(store.get("k".repeat(600))).isEmpty();
    assertThat(store.list("k".repeat(600), null, 0).items()).isEmpty();
  }

  @Test
  void aFailingPreconditionInTheMiddleWritesNothingButRecordsTheEntry() {
    apply(new Op.Put("/x", v("x0"), Precondition.NONE)); // rev 11

    ApplyOutcome out =
        apply(
            new Op.Put("/new", v("n"), Precondition.ABSENT),
            new Op.Put("/x", v("x1"), Precondition.ABSENT),
            new Op.Delete("/x", Precondition.NONE));

    assertThat(out.result().succeeded()).isFalse();
    assertThat(out.result().failedOp()).isEqualTo(1);
    assertThat(out.result().revision()).isEqualTo(12);
    assertThat(out.result().current()).get().extracting(StoredObject::value).isEqualTo(v("x0"));
    assertThat(out.events()).isEmpty();
    assertThat(store.get("/new")).isEmpty();
    assertThat(store.get("/x").orElseThrow().value()).isEqualTo(v("x0"));
    assertThat(store.appliedState().index()).isEqualTo(12);
    assertThat(store.readHistory(11, 12, 100).events()).isEmpty();
  }

  @Test
  void aFailingCheckFailsTheWholeEntryAndPointsAtTheCheck() {
    apply(new Op.Put("/ns", v("active"), Precondition.ABSENT)); // 11
    apply(new Op.Put("/ns", v("terminating"), Precondition.modRevision(11))); // 12

    ApplyOutcome out =
        apply(
            new Op.Put("/ns/obj", v("o"), Precondition.ABSENT),
            new Op.Check("/ns", Precondition.modRevision(11)));

    assertThat(out.result().succeeded()).isFalse();
    assertThat(out.result().failedOp()).isEqualTo(1);
    assertThat(out.result().current().orElseThrow().value()).isEqualTo(v("terminating"));
    assertThat(out.events()).isEmpty();
    assertThat(store.get("/ns/obj")).isEmpty();
    assertThat(store.readHistory(12, 13, 100).events()).isEmpty();

    ApplyOutcome gone =
        apply(
            new Op.Check("/missing", Precondition.PRESENT),
            new Op.Put("/other", v("o"), Precondition.NONE));
    assertThat(gone.result().failedOp()).isZero();
    assertThat(gone.result().current()).isEmpty();
    assertThat(store.get("/other")).isEmpty();
  }

  @Test
  void aPassingCheckWritesNothingAndHasNoEvent() {
    apply(new Op.Put("/ns", v("active"), Precondition.ABSENT)); // 11

    ApplyOutcome out =
        apply(
            new Op.Check("/ns", Precondition.modRevision(11)),
            new Op.Put("/ns/obj", v("o"), Precondition.ABSENT));

    assertThat(out.result().succeeded()).isTrue();
    assertThat(out.events()).extracting(WatchEvent::key).containsExactly("/ns/obj");
    StoredObject ns = store.get("/ns").orElseThrow();
    assertThat(ns.modRevision()).isEqualTo(11);
    assertThat(ns.value()).isEqualTo(v("active"));
    assertThat(store.readHistory(11, 12, 100).events())
        .extracting(e -> e.revision() + ":" + e.key())
        .containsExactly("12:/ns/obj");

    ApplyOutcome onlyChecks = apply(new Op.Check("/absent", Precondition.ABSENT));
    assertThat(onlyChecks.result().succeeded()).isTrue();
    assertThat(onlyChecks.events()).isEmpty();
    assertThat(store.get("/absent")).isEmpty();
    assertThat(store.appliedState().index()).isEqualTo(13);
  }

  @Test
  void aStaleModRevisionConflictsAndShowsTheCurrentValue() {
    apply(new Op.Put("/x", v("a"), Precondition.ABSENT)); // 11
    apply(new Op.Put("/x", v("b"), Precondition.modRevision(11))); // 12

    ApplyOutcome out = apply(new Op.Put("/x", v("c"), Precondition.modRevision(11)));

    assertThat(out.result().failedOp()).isZero();
    assertThat(out.result().current().orElseThrow().modRevision()).isEqualTo(12);
    assertThat(store.get("/x").orElseThrow().value()).isEqualTo(v("b"));
  }

  @Test
  void deleteRemovesTheKeyAndItsEventCarriesTheLastValue() {
    apply(new Op.Put("/x", v("last"), Precondition.ABSENT)); // 11

    ApplyOutcome out = apply(new Op.Delete("/x", Precondition.modRevision(11)));

    assertThat(out.result().succeeded()).isTrue();
    assertThat(store.get("/x")).isEmpty();
    WatchEvent e = out.events().getFirst();
    assertThat(e.type()).isEqualTo(WatchEvent.Type.DELETED);
    assertThat(e.value()).isEqualTo(v("last"));
    assertThat(e.createRevision()).isEqualTo(11);
    assertThat(e.revision()).isEqualTo(12);
  }

  @Test
  void deletingAMissingKeyFailsUnlessUnconditional() {
    assertThat(apply(new Op.Delete("/none", Precondition.PRESENT)).result().failedOp()).isZero();
    ApplyOutcome unconditional = apply(new Op.Delete("/none", Precondition.NONE));
    assertThat(unconditional.result().succeeded()).isTrue();
    assertThat(unconditional.events()).isEmpty();
  }

  @Test
  void historyRecordsEveryOpInOrderAndReadsInWholeRevisions() {
    apply(new Op.Put("/a", v("1"), Precondition.NONE), new Op.Put("/b", v("2"), Precondition.NONE));
    apply(new Op.Put("/a", v("3"), Precondition.NONE));
    apply(new Op.Delete("/b", Precondition.NONE));

    HistoryChunk all = store.readHistory(10, 13, 100);
    assertThat(all.events())
        .extracting(e -> e.revision() + ":" + e.type() + ":" + e.key())
        .containsExactly("11:ADDED:/a", "11:ADDED:/b", "12:MODIFIED:/a", "13:DELETED:/b");
    assertThat(all.coveredThrough()).isEqualTo(13);

    HistoryChunk small = store.readHistory(10, 13, 1);
    assertThat(small.events()).hasSize(2); // never splits revision 11
    assertThat(small.coveredThrough()).isEqualTo(11);
  }

  @Test
  void transactionsSharingAnEntryApplyInOrderEachOnItsOwnPreconditions() {
    long at = ++index;
    List<ApplyOutcome> out =
        applier.applyAll(
            List.of(
                new TxnApplier.Entry(
                    1, at, List.of(new Op.Put("/x", v("1"), Precondition.ABSENT)), 0),
                // Sees the first one's write: refused, and writes nothing.
                new TxnApplier.Entry(
                    1,
                    at,
                    List.of(
                        new Op.Put("/y", v("2"), Precondition.NONE),
                        new Op.Put("/x", v("2"), Precondition.ABSENT)),
                    1),
                new TxnApplier.Entry(
                    1,
                    at,
                    List.of(
                        new Op.Put("/x", v("3"), Precondition.modRevision(at)),
                        new Op.Put("/z", v("3"), Precondition.NONE)),
                    3)));

    assertThat(out).extracting(o -> o.result().failedOp()).containsExactly(-1, 1, -1);
    assertThat(out).allMatch(o -> o.result().revision() == at);
    assertThat(out.get(1).result().current().orElseThrow().value()).isEqualTo(v("1"));
    assertThat(store.get("/y")).isEmpty();
    assertThat(store.get("/x").orElseThrow().value()).isEqualTo(v("3"));
    assertThat(store.get("/x").orElseThrow().createRevision()).isEqualTo(at);
    // History keeps every write of the entry apart, in order.
    assertThat(store.readHistory(at - 1, at, 100).events())
        .extracting(e -> e.revision() + ":" + e.type() + ":" + e.key())
        .containsExactly(at + ":ADDED:/x", at + ":MODIFIED:/x", at + ":ADDED:/z");
  }

  @Test
  void compactionKeepsTheWindowAndMovesTheMark() {
    for (int i = 0; i < 20; i++) {
      apply(new Op.Put("/k" + i, v("v"), Precondition.NONE)); // revisions 11..30
    }

    AppliedState state = store.appliedState();
    assertThat(state.index()).isEqualTo(30);
    assertThat(state.compactedRevision()).isEqualTo(25); // window of 5: 26..30 kept
    HistoryChunk kept = store.readHistory(0, 30, 100);
    assertThat(kept.events())
        .extracting(WatchEvent::revision)
        .containsExactly(26L, 27L, 28L, 29L, 30L);
    assertThat(kept.compactedRevision()).isEqualTo(25);
  }

  @Test
  void dataSurvivesACleanReopen() throws Exception {
    apply(new Op.Put("/p", v("persist"), Precondition.NONE));
    store.close();

    store = LmdbStore.open(dir, new LmdbOptions(64L << 20, 64, false));
    assertThat(store.get("/p").orElseThrow().value()).isEqualTo(v("persist"));
    assertThat(store.appliedState().index()).isEqualTo(11);
  }

  @Test
  void aDatabaseLeftOpenInAnotherBootIsDiscarded() throws Exception {
    apply(new Op.Put("/p", v("maybe torn"), Precondition.NONE));
    store.close();
    Files.writeString(dir.resolve("OPEN"), "some-other-boot-id");

    store = LmdbStore.open(dir, new LmdbOptions(64L << 20, 64, false));
    assertThat(store.get("/p")).isEmpty();
    assertThat(store.appliedState().index()).isEqualTo(-1);
  }

  @Test
  void aSnapshotCopyReplacesTheDatabase() throws Exception {
    apply(new Op.Put("/snap", v("in snapshot"), Precondition.NONE)); // 11
    Path copy = dir.resolve("copy.mdb");
    store.copyTo(copy);
    apply(new Op.Put("/later", v("after"), Precondition.NONE)); // 12

    store.replaceWith(copy);

    assertThat(store.get("/snap")).isPresent();
    assertThat(store.get("/later")).isEmpty();
    assertThat(store.appliedState().index()).isEqualTo(11);
  }
}
