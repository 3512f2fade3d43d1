package dev.nexus.client.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * What a reconcile decided: nothing more to do until something changes, or look again after a
 * delay. A failure is an exception instead (retried with backoff), so the two never mix.
 */
public sealed interface Result {
  /** Reconciled; the next reconcile happens when a watched object changes. */
  record Done() implements Result {}

  /** Reconciled for now; reconcile the same key again after {@code delay}. */
  record RequeueAfter(Duration delay) implements Result {
    public RequeueAfter {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("requeue delay must not be negative: " + delay);
      }
    }
  }

  static Result done() {
    return DoneHolder.DONE;
  }

  static Result requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }

  /** Holds the one {@link Done} instance (interfaces cannot have private static fields). */
  final class DoneHolder {
    static final Done DONE = new Done();

    private DoneHolder() {}
  }
}
