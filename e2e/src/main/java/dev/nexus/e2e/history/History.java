package dev.nexus.e2e.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An immutable history: operations in id order (the recorder's invocation order). */
public record History(List<Op> ops) {

  public History {
    ops = ops.stream().sorted(Comparator.comparingLong(Op::id)).toList();
    for (int i = 1; i < ops.size(); i++) {
      if (ops.get(i).id() == ops.get(i - 1).id()) {
        throw new IllegalArgumentException("two operations share id " + ops.get(i).id());
      }
    }
  }

  public int size() {
    return ops.size();
  }

  /**
   * The sub-history of each key, keys in sorted order. Linearizability is compositional (a history
   * is linearizable iff each object's sub-history is), so each key is checked on its own.
   */
  public Map<String, List<Op>> byKey() {
    Map<String, List<Op>> keys = new TreeMap<>();
    for (Op op : ops) {
      keys.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
    }
    keys.replaceAll((k, v) -> List.copyOf(v));
    return keys;
  }

  /** The earliest invocation, the origin for printing relative times (0 when empty). */
  public long originNanos() {
    return ops.stream().mapToLong(Op::invokedNanos).min().orElse(0);
  }

  /** Every operation, one per line, times relative to the first invocation. */
  public String describe() {
    long origin = originNanos();
    StringBuilder out = new StringBuilder();
    for (Op op : ops) {
      out.append(op.describe(origin)).append('\n');
    }
    return out.toString();
  }
}
