package dev.nexus.e2e.linearizability;

import static dev.nexus.e2e.history.Histories.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownHistoriesTest {
  private final LinearizabilityChecker checker = new LinearizabilityChecker();

  private void assertLinearizable(History history) {
    CheckResult result = checker.check(history);
    assertThat(result.isLinearizable()).as(result.describe() + "\n" + history.describe()).isTrue();
  }

  /**
   * Asserts a violation, blamed on op {@code offending}, whose involved ops include {@code ids}.
   */
  private Counterexample assertViolation(History history, long offending, Long... ids) {
    CheckResult result = checker.check(history);
    assertThat(result.isLinearizable()).isFalse();
    assertThat(result.violations()).as(result.describe()).hasSize(1);
    Counterexample c = result.violations().getFirst().counterexample();
    assertThat(c.offending().id()).as(c.describe()).isEqualTo(offending);
    assertThat(c.involved().stream().map(Op::id))
        .as(c.describe())
        .contains(offending)
        .contains(ids);
    assertThat(c.describe()).contains("op " + offending);
    return c;
  }

  @Test
  void sequentialReadsWritesAndCas() {
    assertLinearizable(
        history()
            .read(1, null, 0, 5)
            .write(1, "a", 10, 20)
            .read(2, "a", 30, 40)
            .cas(3, "a", "b", 50, 60)
            .read(1, "b", 70, 80)
            .write(2, null, 90, 95)
            .read(3, null, 100, 110)
            .build());
  }

  @Test
  void overlappingConcurrentWritesMayTakeEffectInEitherOrder() {
    assertLinearizable(
        history().write(1, "a", 0, 100).write(2, "b", 10, 90).read(3, "a", 120, 130).build());
    assertLinearizable(
        history().write(1, "a", 0, 100).write(2, "b", 10, 90).read(3, "b", 120, 130).build());
  }

  @Test
  void aReadConcurrentWithTwoWritesMaySeeEitherOrTheOldValue() {
    for (String seen : new String[] {null, "a", "b"}) {
      assertLinearizable(
          history().write(1, "a", 0, 100).write(2, "b", 0, 100).read(3, seen, 50, 150).build());
    }
    // Seeing a during the writes and b after them fixes the order a, b; consistent.
    assertLinearizable(
        history()
            .write(1, "a", 0, 100)
            .write(2, "b", 0, 100)
            .read(3, "a", 50, 60)
            .read(3, "b", 200, 210)
            .build());
  }

  @Test
  void anIndeterminateWriteMayHaveHappenedOrNot() {
    assertLinearizable(
        history()
            .write(1, "a", 0, 10)
            .writeTimedOut(2, "b", 20, 30)
            .read(3, "b", 100, 110)
            .build());
    assertLinearizable(
        history()
            .write(1, "a", 0, 10)
            .writeTimedOut(2, "b", 20, 30)
            .read(3, "a", 100, 110)
            .build());
    // It may take effect long after its client gave up.
    assertLinearizable(
        history()
            .write(1, "a", 0, 10)
            .writeTimedOut(2, "b", 20, 30)
            .read(3, "a", 100, 110)
            .read(3, "b", 1000, 1010)
            .build());
  }

  @Test
  void failedOperationsNeverHappened() {
    assertLinearizable(
        history()
            .write(1, "a", 0, 10)
            .casFailed(2, "x", "b", 20, 30)
            .writeFailed(3, "c", 20, 30)
            .read(1, "a", 40, 50)
            .build());
  }

  @Test
  void anIndeterminateCasThatDidNotMatchChangesNothing() {
    assertLinearizable(
        history()
            .write(1, "a", 0, 10)
            .casTimedOut(2, "a", "b", 20, 30)
            .read(3, "b", 40, 50)
            .write(1, "c", 60, 70)
            .read(3, "c", 80, 90)
            .build());
  }

  @Test
  void keysAreIndependentRegisters() {
    assertLinearizable(
        history().on("x").write(1, "a", 0, 10).on("y").read(2, null, 20, 30).build());
  }

  @Test
  void staleReadAfterACompletedWrite() {
    Counterexample c =
        assertViolation(
            history().write(1, "a", 0, 10).write(2, "b", 20, 30).read(3, "a", 40, 50).build(),
            2,
            0L,
            1L);
    assertThat(c.possibleValues()).containsExactly("b");
    assertThat(c.prefix()).hasSize(3);
  }

  @Test
  void readOfAValueNeverWritten() {
    assertViolation(history().write(1, "a", 0, 10).read(2, "z", 20, 30).build(), 1, 0L);
  }

  @Test
  void lostAcknowledgedWrite() {
    // b was acknowledged, then every member answers with a (say, after a failover).
    assertViolation(
        history()
            .write(1, "a", 0, 10)
            .write(2, "b", 20, 30)
            .read(3, "a", 100, 110)
            .read(1, "a", 120, 130)
            .build(),
        2,
        1L);
    // The whole object gone: a read of absent after an acknowledged create.
    assertViolation(history().write(1, "a", 0, 10).read(2, null, 20, 30).build(), 1, 0L);
  }

  @Test
  void twoSuccessfulCasFromTheSameExpectedValue() {
    assertViolation(
        history().write(1, "a", 0, 10).cas(1, "a", "b", 20, 30).cas(2, "a", "c", 40, 50).build(),
        2,
        1L);
    // Even when they overlap, only one of them can have seen a.
    CheckResult result =
        checker.check(
            history()
                .write(1, "a", 0, 10)
                .cas(1, "a", "b", 20, 60)
                .cas(2, "a", "c", 30, 70)
                .build());
    assertThat(result.violations()).hasSize(1);
    assertThat(result.violations().getFirst().counterexample().involved().stream().map(Op::id))
        .contains(1L, 2L);
  }

  @Test
  void aReadThatGoesBackInTime() {
    // The write of b is still running, but once p2 has seen b, nobody may see a again.
    assertViolation(
        history()
            .write(1, "a", 0, 10)
            .write(2, "b", 20, 100)
            .read(3, "b", 30, 40)
            .read(4, "a", 50, 60)
            .build(),
        3,
        1L,
        2L);
  }

  @Test
  void anIndeterminateWriteCannotBeUndone() {
    assertViolation(
        history()
            .write(1, "a", 0, 10)
            .writeTimedOut(2, "b", 20, 30)
            .read(3, "b", 100, 110)
            .read(3, "a", 200, 210)
            .build(),
        3,
        1L,
        2L);
  }

  @Test
  void theCounterexampleIsTheSmallestBadPrefixNotTheWholeHistory() {
    var h = history().write(1, "a", 0, 10).write(2, "b", 20, 30).read(3, "a", 40, 50);
    for (int i = 0; i < 100; i++) {
      h.write(1, "v" + i, 100 + 20 * i, 110 + 20 * i).read(2, "v" + i, 112 + 20 * i, 115 + 20 * i);
    }
    Counterexample c = assertViolation(h.build(), 2, 1L);
    assertThat(c.prefix()).hasSize(3);
    assertThat(c.involved()).hasSize(3);
  }

  @Test
  void violationsAreReportedPerKey() {
    CheckResult result =
        checker.check(
            history()
                .on("good")
                .write(1, "a", 0, 10)
                .read(2, "a", 20, 30)
                .on("bad")
                .write(1, "a", 0, 10)
                .read(2, "b", 20, 30)
                .build());
    assertThat(result.verdicts()).hasSize(2);
    assertThat(result.violations()).extracting(Verdict::key).containsExactly("bad");
    assertThat(result.describe()).contains("key bad: NOT LINEARIZABLE").contains("1 not linear");
  }

  @Test
  void anExhaustedBudgetIsUnknownNotAnAnswer() {
    // 30 indeterminate writes all read back, then the first value again: disproving it means
    // trying every subset of the unread writes, so the search must give up, and say so.
    var h = history().write(0, "start", 0, 1);
    for (int i = 0; i < 30; i++) {
      h.writeTimedOut(i + 1, "v" + i, 10, 20);
    }
    for (int i = 0; i < 30; i++) {
      h.read(100, "v" + i, 1000 + 10 * i, 1005 + 10 * i);
    }
    h.read(100, "v0", 5000, 5005);
    var limited = checker.withBudget(new Budget(java.time.Duration.ofSeconds(2), 200_000));
    long start = System.nanoTime();
    CheckResult result = limited.check(h.build());
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    assertThat(result.isLinearizable()).isFalse();
    assertThat(result.unknowns()).hasSize(1);
    assertThat(result.describe()).contains("unknown").contains("NOT PROVEN");
    assertThat(List.of(result.verdicts().getFirst())).allMatch(v -> v instanceof Verdict.Unknown);
  }
}
