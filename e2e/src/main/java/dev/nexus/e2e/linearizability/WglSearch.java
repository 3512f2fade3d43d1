package dev.nexus.e2e.linearizability;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Wing–Gong search with Lowe's memoization, as in Porcupine and Knossos's "wgl": the history's
 * call and return events in one doubly linked list in time order; walking it from the front, try to
 * linearize the next call that may go now (the model allows it and the resulting configuration was
 * not explored before), lift it and its return out of the list, and start again from the front;
 * meeting a return whose call is still in the list means the last choice was wrong: undo it and try
 * the next call after it. The list emptying proves the history linearizable; nothing left to undo
 * disproves it.
 *
 * <p>A configuration is the set of linearized operations plus the register's value; a set already
 * explored is never explored again (Lowe; Horn and Kroening). The set is stored compactly: ops are
 * indexed by invocation, everything below the lowest unlinearized index is linearized, so a set is
 * "the highest linearized index and the few holes below it" (the pending ops), not a full bitset.
 *
 * <p>The furthest return the search ever got stuck on marks the smallest non-linearizable prefix:
 * every earlier return was passed by some configuration (so that prefix is linearizable), none got
 * past this one.
 */
final class WglSearch {
  /** What a finished or abandoned search found. */
  record Result(Outcome outcome, long steps, int stuckOp, Set<Integer> stuckStates) {}

  enum Outcome {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    OUT_OF_BUDGET
  }

  private final RegisterOps ops;
  private final int n;
  private final int head;
  private final int tail;
  private final int[] next;
  private final int[] prev;
  private final int[] nodeOp;
  private final boolean[] nodeIsCall;
  private final int[] callNode;
  private final int[] returnNode;

  WglSearch(RegisterOps ops) {
    this.ops = ops;
    this.n = ops.size();
    int events = 2 * n;
    // Events in time order; at equal times calls before returns, which treats touching intervals as
    // concurrent: the permissive reading, so clock granularity never fakes a violation.
    Integer[] order = new Integer[events];
    for (int e = 0; e < events; e++) {
      order[e] = e;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          long ta = time(a);
          long tb = time(b);
          if (ta != tb) {
            return Long.compare(ta, tb);
          }
          boolean ra = a >= n;
          boolean rb = b >= n;
          if (ra != rb) {
            return ra ? 1 : -1;
          }
          return Integer.compare(a, b);
        });
    head = 0;
    tail = events + 1;
    next = new int[events + 2];
    prev = new int[events + 2];
    nodeOp = new int[events + 2];
    nodeIsCall = new boolean[events + 2];
    callNode = new int[n];
    returnNode = new int[n];
    for (int pos = 0; pos < events; pos++) {
      int node = pos + 1;
      int e = order[pos];
      boolean isCall = e < n;
      int op = isCall ? e : e - n;
      nodeOp[node] = op;
      nodeIsCall[node] = isCall;
      if (isCall) {
        callNode[op] = node;
      } else {
        returnNode[op] = node;
      }
    }
    for (int node = 0; node <= tail; node++) {
      next[node] = node + 1;
      prev[node] = node - 1;
    }
  }

  private long time(int event) {
    return event < n ? ops.invoked[event] : ops.completed[event - n];
  }

  Result run(long maxSteps, long deadlineNanos) {
    LinearizedSet linearized = new LinearizedSet(n);
    Set<LinearizedSet.Config> explored = new HashSet<>();
    int[] stackOp = new int[n];
    int[] stackState = new int[n];
    int depth = 0;
    int state = ops.initialState;
    int node = next[head];
    int furthest = -1;
    Set<Integer> stuckStates = new TreeSet<>();
    long steps = 0;
    while (next[head] != tail) {
      steps++;
      if ((steps & 1023) == 0 && (steps > maxSteps || System.nanoTime() > deadlineNanos)) {
        return new Result(Outcome.OUT_OF_BUDGET, steps, -1, Set.of());
      }
      if (nodeIsCall[node]) {
        int op = nodeOp[node];
        int after = ops.step(op, state);
        if (after >= 0) {
          linearized.set(op);
          if (explored.add(linearized.config(after))) {
            stackOp[depth] = op;
            stackState[depth] = state;
            depth++;
            state = after;
            lift(op);
            node = next[head];
            continue;
          }
          linearized.clear(op);
        }
        node = next[node];
      } else {
        if (node > furthest) {
          furthest = node;
          stuckStates.clear();
        }
        if (node == furthest) {
          stuckStates.add(state);
        }
        if (depth == 0) {
          return new Result(Outcome.NOT_LINEARIZABLE, steps, nodeOp[furthest], stuckStates);
        }
        depth--;
        int op = stackOp[depth];
        state = stackState[depth];
        linearized.clear(op);
        unlift(op);
        node = next[callNode[op]];
      }
    }
    return new Result(Outcome.LINEARIZABLE, steps, -1, Set.of());
  }

  /** Removes op's call and return from the list; {@link #unlift} undoes it (dancing links). */
  private void lift(int op) {
    int c = callNode[op];
    next[prev[c]] = next[c];
    prev[next[c]] = prev[c];
    int r = returnNode[op];
    next[prev[r]] = next[r];
    prev[next[r]] = prev[r];
  }

  private void unlift(int op) {
    int r = returnNode[op];
    next[prev[r]] = r;
    prev[next[r]] = r;
    int c = callNode[op];
    next[prev[c]] = c;
    prev[next[c]] = c;
  }
}
