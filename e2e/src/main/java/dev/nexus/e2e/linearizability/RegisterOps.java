package dev.nexus.e2e.linearizability;

import dev.nexus.e2e.history.Call;
import dev.nexus.e2e.history.Op;
import dev.nexus.e2e.history.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One key's operations reduced to what the register model needs, values interned to ints so the
 * search compares and hashes integers. Index i is the i-th operation by invocation time.
 *
 * <p>Reduction, all of it sound (it never turns a non-linearizable history into a linearizable one
 * or back):
 *
 * <ul>
 *   <li>failed operations are dropped: they certainly had no effect;
 *   <li>indeterminate reads are dropped: they constrain nothing;
 *   <li>an indeterminate write or compare-and-set whose value no read ever saw and no
 *       compare-and-set ever expected is dropped: placing it anywhere but last could only make a
 *       later read fail, and placing it last is the same as never;
 *   <li>an indeterminate compare-and-set that is kept becomes "maybe": it applies if the register
 *       holds its expected value and otherwise leaves it alone, either way allowed.
 * </ul>
 */
final class RegisterOps {
  static final byte READ = 0;
  static final byte WRITE = 1;
  static final byte CAS = 2;
  static final byte MAYBE_CAS = 3;

  final List<Op> ops;
  final byte[] kind;
  final int[] arg;
  final int[] value;
  final long[] invoked;
  final long[] completed;
  final int initialState;
  final List<String> values = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();

  RegisterOps(List<Op> keyOps, String initialValue) {
    Set<String> observed = new HashSet<>();
    observed.add(initialValue);
    for (Op op : keyOps) {
      if (op.outcome() instanceof Outcome.Ok ok && op.call() instanceof Call.Read) {
        observed.add(ok.value());
      }
      if (op.call() instanceof Call.Cas cas && !(op.outcome() instanceof Outcome.Fail)) {
        observed.add(cas.expected());
      }
    }
    this.ops =
        keyOps.stream()
            .filter(op -> kept(op, observed))
            .sorted(Comparator.comparingLong(Op::invokedNanos).thenComparingLong(Op::id))
            .toList();
    int n = ops.size();
    kind = new byte[n];
    arg = new int[n];
    value = new int[n];
    invoked = new long[n];
    completed = new long[n];
    initialState = intern(initialValue);
    for (int i = 0; i < n; i++) {
      Op op = ops.get(i);
      invoked[i] = op.invokedNanos();
      completed[i] = op.effectiveCompletion();
      boolean info = op.outcome() instanceof Outcome.Info;
      switch (op.call()) {
        case Call.Read r -> {
          kind[i] = READ;
          arg[i] = intern(((Outcome.Ok) op.outcome()).value());
        }
        case Call.Write w -> {
          kind[i] = WRITE;
          value[i] = intern(w.value());
        }
        case Call.Cas c -> {
          kind[i] = info ? MAYBE_CAS : CAS;
          arg[i] = intern(c.expected());
          value[i] = intern(c.value());
        }
      }
    }
  }

  private static boolean kept(Op op, Set<String> observed) {
    return switch (op.outcome()) {
      case Outcome.Fail f -> false;
      case Outcome.Ok ok -> true;
      case Outcome.Info info ->
          switch (op.call()) {
            case Call.Read r -> false;
            case Call.Write w -> observed.contains(w.value());
            case Call.Cas c -> observed.contains(c.value());
          };
    };
  }

  int size() {
    return kind.length;
  }

  /** The state after op i from {@code state}, or -1 when the register forbids it there. */
  int step(int i, int state) {
    return switch (kind[i]) {
      case READ -> state == arg[i] ? state : -1;
      case WRITE -> value[i];
      case CAS -> state == arg[i] ? value[i] : -1;
      default -> state == arg[i] ? value[i] : state;
    };
  }

  /** True for an ok write or compare-and-set: an operation that certainly changed the register. */
  boolean certainWrite(int i) {
    return (kind[i] == WRITE || kind[i] == CAS) && completed[i] != Long.MAX_VALUE;
  }

  String valueOf(int state) {
    return values.get(state);
  }

  private int intern(String v) {
    return ids.computeIfAbsent(
        v,
        k -> {
          values.add(k);
          return values.size() - 1;
        });
  }
}
