package dev.nexus.e2e.history;

import java.util.ArrayList;
import java.util.List;

/** Hand-written histories for tests: times are plain numbers, the key is "r" unless switched. */
public final class Histories {
  private final List<Op> ops = new ArrayList<>();
  private String key = "r";

  public static Histories history() {
    return new Histories();
  }

  public Histories on(String key) {
    this.key = key;
    return this;
  }

  public Histories write(int process, String value, long invoked, long completed) {
    return add(process, new Call.Write(value), invoked, completed, new Outcome.Ok(null));
  }

  public Histories read(int process, String seen, long invoked, long completed) {
    return add(process, new Call.Read(), invoked, completed, new Outcome.Ok(seen));
  }

  public Histories cas(int process, String expected, String value, long invoked, long completed) {
    return add(process, new Call.Cas(expected, value), invoked, completed, new Outcome.Ok(null));
  }

  public Histories casFailed(
      int process, String expected, String value, long invoked, long completed) {
    return add(
        process,
        new Call.Cas(expected, value),
        invoked,
        completed,
        new Outcome.Fail("409 Conflict"));
  }

  public Histories writeFailed(int process, String value, long invoked, long completed) {
    return add(process, new Call.Write(value), invoked, completed, new Outcome.Fail("422 Invalid"));
  }

  /** A write whose client timed out at {@code gaveUp}: it may or may not have happened. */
  public Histories writeTimedOut(int process, String value, long invoked, long gaveUp) {
    return add(process, new Call.Write(value), invoked, gaveUp, new Outcome.Info("timeout"));
  }

  public Histories casTimedOut(
      int process, String expected, String value, long invoked, long gaveUp) {
    return add(
        process, new Call.Cas(expected, value), invoked, gaveUp, new Outcome.Info("timeout"));
  }

  public History build() {
    return new History(ops);
  }

  /** The id the next operation will get: handy to name the op a counterexample must blame. */
  public long nextId() {
    return ops.size();
  }

  private Histories add(int process, Call call, long invoked, long completed, Outcome outcome) {
    ops.add(new Op(ops.size(), process, key, call, invoked, completed, outcome));
    return this;
  }
}
