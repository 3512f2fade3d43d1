package dev.nexus.e2e.linearizability;

import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a history against a register / compare-and-set model, one key at a time (linearizability
 * is compositional, so a history is linearizable iff every key's sub-history is).
 *
 * <pre>{@code
 * CheckResult result = new LinearizabilityChecker().check(recorder.history());
 * assertThat(result.isLinearizable()).as(result.describe()).isTrue();
 * }</pre>
 *
 * Every register starts at {@code initialValue} (default {@code null}: the object does not exist).
 * Thread-safe and stateless: one checker may check many histories at once.
 */
public final class LinearizabilityChecker {
  private final Budget budget;
  private final String initialValue;

  public LinearizabilityChecker() {
    this(Budget.DEFAULT, null);
  }

  public LinearizabilityChecker(Budget budget, String initialValue) {
    this.budget = budget;
    this.initialValue = initialValue;
  }

  public LinearizabilityChecker withBudget(Budget budget) {
    return new LinearizabilityChecker(budget, initialValue);
  }

  public LinearizabilityChecker withInitialValue(String initialValue) {
    return new LinearizabilityChecker(budget, initialValue);
  }

  public CheckResult check(History history) {
    long start = System.nanoTime();
    long deadline = start + budget.maxTime().toNanos();
    List<Verdict> verdicts = new ArrayList<>();
    for (Map.Entry<String, List<Op>> key : history.byKey().entrySet()) {
      verdicts.add(checkKey(key.getKey(), key.getValue(), deadline));
    }
    return new CheckResult(verdicts, System.nanoTime() - start);
  }

  /** Checks the operations of one register; they must all be on {@code key}. */
  public Verdict checkKey(String key, List<Op> keyOps) {
    return checkKey(key, keyOps, System.nanoTime() + budget.maxTime().toNanos());
  }

  private Verdict checkKey(String key, List<Op> keyOps, long deadline) {
    for (Op op : keyOps) {
      if (!op.key().equals(key)) {
        throw new IllegalArgumentException(
            "op " + op.id() + " is on key " + op.key() + ", not on " + key);
      }
    }
    RegisterOps ops = new RegisterOps(keyOps, initialValue);
    WglSearch.Result result = new WglSearch(ops).run(budget.maxStepsPerKey(), deadline);
    return switch (result.outcome()) {
      case LINEARIZABLE -> new Verdict.Linearizable(key, ops.size(), result.steps());
      case OUT_OF_BUDGET ->
          new Verdict.Unknown(
              key,
              "search budget exhausted ("
                  + budget.maxTime()
                  + " or "
                  + budget.maxStepsPerKey()
                  + " steps) on "
                  + ops.size()
                  + " ops",
              result.steps());
      case NOT_LINEARIZABLE ->
          new Verdict.NotLinearizable(key, Counterexamples.explain(key, ops, result, keyOps));
    };
  }
}
