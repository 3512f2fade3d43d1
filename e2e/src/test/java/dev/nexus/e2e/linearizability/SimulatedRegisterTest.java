package dev.nexus.e2e.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.e2e.history.Call;
import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.Op;
import dev.nexus.e2e.history.Outcome;
import dev.nexus.e2e.history.RegisterSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Histories of a register that really is atomic are always accepted; the same histories with one
 * stale read slipped in are always rejected, and the blame falls on that read.
 */
class SimulatedRegisterTest {
  private final LinearizabilityChecker checker = new LinearizabilityChecker();

  @Property(tries = 25)
  void realThreadsOnALockedRegisterAreLinearizable(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int processes,
      @ForAll @IntRange(min = 5, max = 40) int opsEach,
      @ForAll @IntRange(min = 1, max = 3) int keys) {
    History history = RegisterSimulation.realThreads(seed, processes, opsEach, keys);
    assertThat(history.size()).isEqualTo(processes * opsEach);
    CheckResult result = checker.check(history);
    assertThat(result.isLinearizable()).as(result.describe()).isTrue();
  }

  @Property(tries = 200)
  void virtualTimeRegistersAreLinearizable(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int processes,
      @ForAll @IntRange(min = 1, max = 400) int ops,
      @ForAll @IntRange(min = 1, max = 4) int keys) {
    CheckResult result = checker.check(RegisterSimulation.virtualTime(seed, processes, ops, keys));
    assertThat(result.isLinearizable()).as(result.describe()).isTrue();
  }

  @Property(tries = 200)
  void oneInjectedStaleReadIsAlwaysRejected(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int processes,
      @ForAll @IntRange(min = 2, max = 300) int ops,
      @ForAll @IntRange(min = 1, max = 3) int keys) {
    History history = RegisterSimulation.virtualTime(seed, processes, ops, keys);
    Optional<Op> stale = staleRead(history);
    if (stale.isEmpty()) {
      return; // no acknowledged write at all: nothing can be stale
    }
    List<Op> withStale = new ArrayList<>(history.ops());
    withStale.add(stale.get());
    CheckResult result = checker.check(new History(withStale));
    assertThat(result.violations()).as(result.describe()).hasSize(1);
    Counterexample c = result.violations().getFirst().counterexample();
    assertThat(c.offending()).as(c.describe()).isEqualTo(stale.get());
    assertThat(c.involved()).contains(stale.get());
  }

  @Property(tries = 100)
  void realThreadsWithAnInjectedStaleReadAreRejected(@ForAll long seed) {
    History history = RegisterSimulation.realThreads(seed, 3, 20, 1);
    Optional<Op> stale = staleRead(history);
    if (stale.isEmpty()) {
      return;
    }
    List<Op> withStale = new ArrayList<>(history.ops());
    withStale.add(stale.get());
    CheckResult result = checker.check(new History(withStale));
    assertThat(result.violations()).as(result.describe()).hasSize(1);
    assertThat(result.violations().getFirst().counterexample().offending()).isEqualTo(stale.get());
  }

  /**
   * A read, just after an acknowledged write W2 completed, of a value that cannot be current then:
   * the value of an acknowledged write W1 that completed before W2 began, or the initial "absent"
   * when there is no such W1. Values are unique and nobody writes null, so nothing can restore it.
   */
  static Optional<Op> staleRead(History history) {
    List<Op> certain =
        history.ops().stream()
            .filter(op -> op.outcome() instanceof Outcome.Ok && !(op.call() instanceof Call.Read))
            .toList();
    if (certain.isEmpty()) {
      return Optional.empty();
    }
    Op w2 = certain.get(certain.size() / 2);
    String value = null;
    long latest = Long.MIN_VALUE;
    for (Op w1 : certain) {
      if (w1.key().equals(w2.key())
          && w1.completedNanos() < w2.invokedNanos()
          && w1.completedNanos() > latest) {
        latest = w1.completedNanos();
        value = written(w1);
      }
    }
    long id = history.ops().stream().mapToLong(Op::id).max().orElse(0) + 1;
    return Optional.of(
        new Op(
            id,
            99,
            w2.key(),
            new Call.Read(),
            w2.completedNanos() + 1,
            w2.completedNanos() + 2,
            new Outcome.Ok(value)));
  }

  private static String written(Op op) {
    return switch (op.call()) {
      case Call.Write w -> w.value();
      case Call.Cas c -> c.value();
      case Call.Read r -> throw new IllegalArgumentException("a read writes nothing");
    };
  }
}
