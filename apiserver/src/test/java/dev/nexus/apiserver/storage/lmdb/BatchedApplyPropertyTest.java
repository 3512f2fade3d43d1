package dev.nexus.apiserver.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.lmdb.TxnApplier.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Applying entries in batches (one LMDB transaction for many) must give exactly what applying them
 * one by one to a plain map gives: the same results, events and final state, whatever the split.
 */
class BatchedApplyPropertyTest {

  record Model(long mod, long create, byte[] value) {}

  @Property(tries = 60)
  void batchesBehaveLikeOneEntryAtATime(
      @ForAll("entries") List<List<Op>> entries, @ForAll("splits") List<Integer> splits)
      throws IOException {
    Path dir = Files.createTempDirectory("batched-apply");
    try (LmdbStore store = LmdbStore.open(dir, new LmdbOptions(16L << 20, 16, false))) {
      TxnApplier applier = new TxnApplier(store, 1_000);
      List<Entry> all = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        all.add(new Entry(1, i + 1, entries.get(i)));
      }
      List<ApplyOutcome> got = new ArrayList<>();
      int from = 0;
      for (int i = 0; from < all.size(); i++) {
        int size = Math.min(all.size() - from, splits.get(i % splits.size()));
        got.addAll(applier.applyAll(all.subList(from, from + size)));
        from += size;
      }

      Map<String, Model> model = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        Entry e = all.get(i);
        ApplyOutcome out = got.get(i);
        int failed = firstFailing(model, e.ops());
        assertThat(out.result().failedOp()).isEqualTo(failed);
        if (failed >= 0) {
          Model current = model.get(e.ops().get(failed).key());
          assertThat(out.result().current().map(StoredObject::modRevision))
              .isEqualTo(java.util.Optional.ofNullable(current).map(Model::mod));
          assertThat(out.events()).isEmpty();
          continue;
        }
        List<String> expectedEvents = new ArrayList<>();
        for (Op op : e.ops()) {
          Model before = model.get(op.key());
          if (op instanceof Op.Check) {
            continue; // writes nothing, no event
          }
          if (op instanceof Op.Put put) {
            long create = before == null ? e.index() : before.create();
            model.put(op.key(), new Model(e.index(), create, put.value()));
            expectedEvents.add((before == null ? "ADDED" : "MODIFIED") + " " + op.key());
          } else if (before != null) {
            model.remove(op.key());
            expectedEvents.add("DELETED " + op.key());
          }
        }
        assertThat(out.events())
            .extracting(ev -> ev.type() + " " + ev.key())
            .containsExactlyElementsOf(expectedEvents);
        assertThat(out.events()).allMatch(ev -> ev.revision() == e.index());
      }
      for (Map.Entry<String, Model> m : model.entrySet()) {
        StoredObject o = store.get(m.getKey()).orElseThrow();
        assertThat(o.modRevision()).isEqualTo(m.getValue().mod());
        assertThat(o.createRevision()).isEqualTo(m.getValue().create());
        assertThat(o.value()).isEqualTo(m.getValue().value());
      }
      assertThat(store.list("", null, 0).items()).hasSize(model.size());
      assertThat(store.appliedState().index()).isEqualTo(all.size());
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static int firstFailing(Map<String, Model> model, List<Op> ops) {
    for (int i = 0; i < ops.size(); i++) {
      Model m = model.get(ops.get(i).key());
      Precondition p = ops.get(i).precondition();
      boolean exists = m != null;
      boolean holds =
          (ops.get(i) instanceof Op.Delete && !exists)
              ? p instanceof Precondition.None
              : switch (p) {
                case Precondition.None n -> true;
                case Precondition.Absent a -> !exists;
                case Precondition.Present pr -> exists;
                case Precondition.ModRevision r -> exists && m.mod() == r.revision();
              };
      if (!holds) {
        return i;
      }
    }
    return -1;
  }

  @Provide
  Arbitrary<List<List<Op>>> entries() {
    Arbitrary<String> keys = Arbitraries.of("/a", "/b", "/c", "/d");
    Arbitrary<Precondition> preconditions =
        Arbitraries.oneOf(
            Arbitraries.of(Precondition.NONE, Precondition.ABSENT, Precondition.PRESENT),
            Arbitraries.longs().between(1, 30).map(Precondition::modRevision));
    Arbitrary<Op> puts =
        Combinators.combine(
                keys, Arbitraries.bytes().array(byte[].class).ofMaxSize(8), preconditions)
            .as(Op.Put::new);
    Arbitrary<Op> deletes = Combinators.combine(keys, preconditions).as(Op.Delete::new);
    Arbitrary<Op> checks = Combinators.combine(keys, preconditions).as(Op.Check::new);
    return Arbitraries.oneOf(puts, deletes, checks)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Integer>> splits() {
    return Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(5);
  }
}
