package dev.nexus.apiserver.storage.lmdb;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.lmdb.LmdbStore.Handles;
import dev.nexus.apiserver.storage.lmdb.Records.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Cursor;
import org.lmdbjava.Txn;

/**
 * Applies Raft entries to LMDB: for each entry every precondition is checked against the state
 * before the entry; then either all its operations and their history records are written, or none.
 * A {@link Op.Check} takes part in the first step only: it writes nothing, records no history and
 * produces no watch event. The applied term/index and a bounded step of history compaction go into
 * the same LMDB transaction, so a crash never separates data from the position it reflects.
 * Deterministic: the outcome depends only on the database and the entry, so every replica computes
 * the same one.
 *
 * <p>Compaction keeps the last {@code historyWindow} revisions. Each entry deletes at most a few
 * dozen old history records in the same transaction and moves the {@code compacted} mark to just
 * below the oldest record left, so a crash at any point leaves a consistent mark and the next entry
 * simply continues: compaction needs no recovery of its own.
 */
public final class TxnApplier {
  private static final int MIN_COMPACTION_STEP = 128;

  private final LmdbStore store;
  private final long historyWindow;

  public TxnApplier(LmdbStore store, long historyWindow) {
    if (historyWindow < 1) {
      throw new IllegalArgumentException("historyWindow must be >= 1, was " + historyWindow);
    }
    this.store = store;
    this.historyWindow = historyWindow;
  }

  /**
   * One transaction to apply as (part of) the Raft entry at {@code term}/{@code index}. A batched
   * entry (group commit) is several of these with the same index, in order; {@code firstOp} is the
   * position of this one's first operation among all the entry's operations, so that history
   * records, keyed by index and op position, stay apart.
   */
  public record Entry(long term, long index, List<Op> ops, int firstOp) {
    /** The only transaction of its entry. */
    public Entry(long term, long index, List<Op> ops) {
      this(term, index, ops, 0);
    }
  }

  /** Applies {@code ops} as the entry at {@code term}/{@code index}. */
  public ApplyOutcome apply(long term, long index, List<Op> ops) {
    return applyAll(List.of(new Entry(term, index, ops))).getFirst();
  }

  /**
   * Applies consecutive entries in one LMDB transaction (one commit for many entries under load).
   * Each entry sees the writes of the entries before it, exactly as if applied one by one.
   */
  public List<ApplyOutcome> applyAll(List<Entry> entries) {
    return store.write(
        (h, w) -> {
          List<ApplyOutcome> outcomes = new ArrayList<>(entries.size());
          int opCount = 0;
          for (Entry e : entries) {
            outcomes.add(applyEntry(h, w, e));
            opCount += e.ops().size();
          }
          Entry last = entries.getLast();
          long compacted = finish(h, w, last.term(), last.index(), opCount);
          List<ApplyOutcome> marked = new ArrayList<>(outcomes.size());
          for (ApplyOutcome o : outcomes) {
            marked.add(new ApplyOutcome(o.result(), o.events(), compacted));
          }
          return marked;
        });
  }

  private static ApplyOutcome applyEntry(Handles h, Txn<byte[]> w, Entry entry) {
    List<Op> ops = entry.ops();
    long index = entry.index();
    ObjectRecord[] before = new ObjectRecord[ops.size()];
    byte[][] keys = new byte[ops.size()][];
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      keys[i] = Records.key(op.key());
      before[i] = Records.decodeObject(h.objects().get(w, keys[i]));
      if (!holds(op, before[i])) {
        Optional<StoredObject> current =
            Optional.ofNullable(before[i]).map(r -> r.toStored(op.key()));
        return new ApplyOutcome(new TxnResult(index, i, current), List.of(), 0);
      }
    }
    List<WatchEvent> events = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i) instanceof Op.Check) {
        continue; // its precondition held above; a check writes nothing
      }
      // Re-read: an earlier op of this entry may have written the same key.
      ObjectRecord now = i == 0 ? before[0] : Records.decodeObject(h.objects().get(w, keys[i]));
      WatchEvent event = applyOne(h, w, index, entry.firstOp() + i, ops.get(i), keys[i], now);
      if (event != null) {
        events.add(event);
      }
    }
    return new ApplyOutcome(new TxnResult(index, -1, Optional.empty()), events, 0);
  }

  /** Records an entry that changed no object (a configuration entry before a snapshot). */
  public void recordApplied(long term, long index) {
    store.write(
        (h, w) -> {
          h.meta().put(w, Records.META_APPLIED, Records.encodeTermIndex(term, index));
          return null;
        });
  }

  static boolean holds(Op op, ObjectRecord current) {
    Precondition p = op.precondition();
    boolean exists = current != null;
    if (op instanceof Op.Delete && !exists) {
      return p instanceof Precondition.None;
    }
    return switch (p) {
      case Precondition.None n -> true;
      case Precondition.Absent a -> !exists;
      case Precondition.Present pr -> exists;
      case Precondition.ModRevision m -> exists && current.modRevision() == m.revision();
    };
  }

  private static WatchEvent applyOne(
      Handles h, Txn<byte[]> w, long index, int opIndex, Op op, byte[] key, ObjectRecord now) {
    byte[] historyKey = Records.historyKey(index, opIndex);
    switch (op) {
      case Op.Put put -> {
        long created = now == null ? index : now.createRevision();
        WatchEvent.Type type = now == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
        h.objects().put(w, key, Records.encodeObject(index, created, put.value()));
        h.history().put(w, historyKey, Records.encodeHistory(type, created, key, put.value()));
        return new WatchEvent(type, put.key(), put.value(), index, created);
      }
      case Op.Check check -> {
        return null; // never reached: applyEntry skips checks
      }
      case Op.Delete delete -> {
        if (now == null) {
          return null; // deleting a missing key with no precondition changes nothing
        }
        h.objects().delete(w, key);
        h.history()
            .put(
                w,
                historyKey,
                Records.encodeHistory(
                    WatchEvent.Type.DELETED, now.createRevision(), key, now.value()));
        return new WatchEvent(
            WatchEvent.Type.DELETED, delete.key(), now.value(), index, now.createRevision());
      }
    }
  }

  /** Records the applied entry and takes one compaction step; returns the compaction mark. */
  private long finish(Handles h, Txn<byte[]> w, long term, long index, int opCount) {
    h.meta().put(w, Records.META_APPLIED, Records.encodeTermIndex(term, index));
    long compacted = Records.decodeLong(h.meta().get(w, Records.META_COMPACTED), 0);
    long target = index - historyWindow;
    if (target <= compacted) {
      return compacted;
    }
    int budget = Math.max(MIN_COMPACTION_STEP, 2 * opCount);
    List<byte[]> doomed = new ArrayList<>();
    long next = Long.MAX_VALUE; // revision of the oldest record that stays
    try (Cursor<byte[]> c = h.history().openCursor(w)) {
      boolean found = c.first();
      while (found) {
        byte[] k = c.key();
        long revision = Records.historyRevision(k);
        if (revision > target || doomed.size() == budget) {
          next = revision;
          break;
        }
        doomed.add(k);
        found = c.next();
      }
    }
    for (byte[] k : doomed) {
      h.history().delete(w, k);
    }
    long mark = next > target ? target : next - 1;
    if (mark > compacted) {
      h.meta().put(w, Records.META_COMPACTED, Records.encodeLong(mark));
      return mark;
    }
    return compacted;
  }
}
