package dev.nexus.e2e.history;

import java.util.Objects;

/**
 * One operation of a history: who ({@code process}, a client id), on which register ({@code key}),
 * what ({@code call}), when ({@link System#nanoTime()} at invocation and at completion) and how it
 * ended. {@code id}s are unique in a history and increase with invocation order of the recorder.
 *
 * <p>For an {@link Outcome.Info} operation {@code completedNanos} is when the client gave up, kept
 * for reading the history; the checker uses {@link #effectiveCompletion()} instead.
 */
public record Op(
    long id,
    int process,
    String key,
    Call call,
    long invokedNanos,
    long completedNanos,
    Outcome outcome) {

  public Op {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(outcome, "outcome");
    if (completedNanos < invokedNanos) {
      throw new IllegalArgumentException(
          "op "
              + id
              + ": completedNanos "
              + completedNanos
              + " is before invokedNanos "
              + invokedNanos);
    }
    if (outcome instanceof Outcome.Ok ok && !(call instanceof Call.Read) && ok.value() != null) {
      throw new IllegalArgumentException(
          "op "
              + id
              + ": an ok "
              + call.name()
              + " carries no value, got "
              + Call.quote(ok.value()));
    }
  }

  /**
   * When the operation is known to have finished: +infinity (Long.MAX_VALUE) when indeterminate.
   */
  public long effectiveCompletion() {
    return outcome instanceof Outcome.Info ? Long.MAX_VALUE : completedNanos;
  }

  /** Readable one-line form with times relative to {@code originNanos}, in milliseconds. */
  public String describe(long originNanos) {
    String result =
        switch (outcome) {
          case Outcome.Ok ok when call instanceof Call.Read -> "ok " + Call.quote(ok.value());
          case Outcome.Ok ok -> "ok";
          case Outcome.Fail fail -> "fail (" + fail.reason() + ")";
          case Outcome.Info info -> "info (" + info.reason() + ")";
        };
    String end =
        outcome instanceof Outcome.Info
            ? String.format("     never (gave up at %.3f ms)", ms(completedNanos, originNanos))
            : String.format("%10.3f ms", ms(completedNanos, originNanos));
    return String.format(
        "op %-6d p%-3d %-8s %-26s %-20s [%10.3f ms .. %s]",
        id, process, key, call.describe(), result, ms(invokedNanos, originNanos), end);
  }

  private static double ms(long nanos, long origin) {
    return (nanos - origin) / 1e6;
  }
}
