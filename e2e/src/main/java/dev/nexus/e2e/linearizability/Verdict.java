package dev.nexus.e2e.linearizability;

/** The answer for one key's sub-history. */
public sealed interface Verdict {
  String key();

  /** A one-paragraph readable statement; for a violation, the counterexample. */
  String describe();

  /** Some order of the operations respects real time and the register's rules. */
  record Linearizable(String key, int checkedOps, long steps) implements Verdict {
    @Override
    public String describe() {
      return "key " + key + ": linearizable (" + checkedOps + " ops checked, " + steps + " steps)";
    }
  }

  /** No such order exists; the counterexample shows where and why. */
  record NotLinearizable(String key, Counterexample counterexample) implements Verdict {
    @Override
    public String describe() {
      return counterexample.describe();
    }
  }

  /** The budget ran out before the search finished: neither proof nor counterexample. */
  record Unknown(String key, String reason, long steps) implements Verdict {
    @Override
    public String describe() {
      return "key " + key + ": unknown, " + reason + " (after " + steps + " steps)";
    }
  }
}
