package dev.nexus.e2e.linearizability;

import dev.nexus.e2e.history.Op;
import java.util.ArrayList;
import java.util.List;

/** Builds a readable {@link Counterexample} from where the search got stuck furthest. */
final class Counterexamples {
  private Counterexamples() {}

  static Counterexample explain(
      String key, RegisterOps ops, WglSearch.Result result, List<Op> allKeyOps) {
    int stuck = result.stuckOp();
    long cut = ops.completed[stuck];
    // The prefix: every operation invoked by the time the offending one completed (those still
    // running at that moment count as pending in it, which is how the search treated them).
    List<Op> prefix = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      if (ops.invoked[i] <= cut) {
        prefix.add(ops.ops.get(i));
      }
    }
    // Context: back to the invocation of the second-to-last write that certainly completed before
    // the offending op began, so the values it could have seen are all on screen.
    long from = Long.MIN_VALUE;
    long lastEnd = Long.MIN_VALUE;
    long secondEnd = Long.MIN_VALUE;
    int last = -1;
    int second = -1;
    for (int i = 0; i < ops.size(); i++) {
      if (i != stuck && ops.certainWrite(i) && ops.completed[i] < ops.invoked[stuck]) {
        if (ops.completed[i] > lastEnd) {
          second = last;
          secondEnd = lastEnd;
          last = i;
          lastEnd = ops.completed[i];
        } else if (ops.completed[i] > secondEnd) {
          second = i;
          secondEnd = ops.completed[i];
        }
      }
    }
    if (second >= 0) {
      from = ops.invoked[second];
    } else if (last >= 0) {
      from = ops.invoked[last];
    }
    List<Op> involved = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      if (ops.invoked[i] <= cut && ops.completed[i] >= from) {
        involved.add(ops.ops.get(i));
      }
    }
    List<String> possible = result.stuckStates().stream().map(ops::valueOf).toList();
    long origin = allKeyOps.stream().mapToLong(Op::invokedNanos).min().orElse(0);
    return new Counterexample(key, ops.ops.get(stuck), possible, prefix, involved, origin);
  }
}
