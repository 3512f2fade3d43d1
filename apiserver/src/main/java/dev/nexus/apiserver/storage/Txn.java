package dev.nexus.apiserver.storage;

import java.util.List;

/**
 * A replicated command: operations that apply all together, at one revision, or not at all. Every
 * operation's precondition is checked against the state before the command; if any fails, nothing
 * is written (the log entry still consumes its index).
 */
public record Txn(List<Op> ops) {
  public Txn {
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("a transaction needs at least one operation");
    }
    ops = List.copyOf(ops);
  }

  public static Txn of(Op... ops) {
    return new Txn(List.of(ops));
  }
}
