package dev.nexus.e2e.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.RegisterSimulation;
import org.junit.jupiter.api.Test;

/** The checker must be cheap enough to run on every e2e scenario's whole history. */
class CheckerSpeedTest {
  private final LinearizabilityChecker checker = new LinearizabilityChecker();

  @Test
  void tenThousandOpsOnOneKeyInWellUnderASecond() {
    History history = RegisterSimulation.virtualTime(42, 8, 10_000, 1);
    checker.check(RegisterSimulation.virtualTime(7, 8, 10_000, 1)); // warm up the JIT
    long best = Long.MAX_VALUE;
    CheckResult result = null;
    for (int run = 0; run < 3; run++) {
      result = checker.check(history);
      best = Math.min(best, result.elapsedNanos());
    }
    long steps = ((Verdict.Linearizable) result.verdicts().getFirst()).steps();
    System.out.printf(
        "checker: 10,000 ops, 8 clients, 1 key: %.1f ms (best of 3), %d search steps%n",
        best / 1e6, steps);
    assertThat(result.isLinearizable()).as(result.describe()).isTrue();
    // Typically tens of milliseconds; the bound leaves room for a loaded 2-core machine.
    assertThat(best).isLessThan(1_000_000_000L);
  }

  @Test
  void aHundredThousandOpsOverManyKeys() {
    History history = RegisterSimulation.virtualTime(43, 16, 100_000, 50);
    CheckResult result = checker.check(history);
    System.out.printf(
        "checker: 100,000 ops, 16 clients, 50 keys: %.1f ms%n", result.elapsedNanos() / 1e6);
    assertThat(result.isLinearizable()).as(result.describe()).isTrue();
    assertThat(result.elapsedNanos()).isLessThan(10_000_000_000L);
  }
}
