package dev.nexus.e2e.linearizability;

import java.util.List;
import java.util.stream.Collectors;

/** The verdicts of every key of a history, in key order. */
public record CheckResult(List<Verdict> verdicts, long elapsedNanos) {
  public CheckResult {
    verdicts = List.copyOf(verdicts);
  }

  /** True only when every key was proven linearizable; unknown is not OK. */
  public boolean isLinearizable() {
    return verdicts.stream().allMatch(v -> v instanceof Verdict.Linearizable);
  }

  public List<Verdict.NotLinearizable> violations() {
    return verdicts.stream()
        .filter(v -> v instanceof Verdict.NotLinearizable)
        .map(v -> (Verdict.NotLinearizable) v)
        .toList();
  }

  public List<Verdict.Unknown> unknowns() {
    return verdicts.stream()
        .filter(v -> v instanceof Verdict.Unknown)
        .map(v -> (Verdict.Unknown) v)
        .toList();
  }

  /** Violations and unknowns in full, then a one-line summary. */
  public String describe() {
    String details =
        verdicts.stream()
            .filter(v -> !(v instanceof Verdict.Linearizable))
            .map(Verdict::describe)
            .collect(Collectors.joining("\n"));
    String summary =
        String.format(
            "%s: %d keys, %d not linearizable, %d unknown, checked in %.1f ms",
            isLinearizable() ? "OK" : unknowns().isEmpty() ? "NOT LINEARIZABLE" : "NOT PROVEN",
            verdicts.size(),
            violations().size(),
            unknowns().size(),
            elapsedNanos / 1e6);
    return details.isEmpty() ? summary : details + "\n" + summary;
  }
}
