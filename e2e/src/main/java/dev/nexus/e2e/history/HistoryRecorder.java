package dev.nexus.e2e.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Records operations as clients perform them; safe to use from any number of threads.
 *
 * <pre>{@code
 * HistoryRecorder.Pending op = recorder.invoke(client, "r1", new Call.Write("7"));
 * try {
 *   nexus.replace(...);
 *   op.ok();
 * } catch (ConflictException e) {   // 409: the server refused it, nothing changed
 *   op.fail(e.getMessage());
 * } catch (Exception e) {           // timeout, reset, 5xx: may or may not have happened
 *   op.info(e.toString());
 * }
 * }</pre>
 *
 * The invocation time is taken before the request is sent and the completion time after the
 * response is read, so the recorded interval always contains the real one. An operation still
 * pending when {@link #history()} is called (its client hung or died) is reported as {@link
 * Outcome.Info}: it may yet take effect.
 */
public final class HistoryRecorder {
  private final LongSupplier clock;
  private final AtomicLong nextId = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, Op> done = new ConcurrentHashMap<>();

  public HistoryRecorder() {
    this(System::nanoTime);
  }

  /** With another monotonic clock, for simulations in virtual time. */
  public HistoryRecorder(LongSupplier clock) {
    this.clock = clock;
  }

  /** Call just before sending the request; complete the returned handle exactly once. */
  public Pending invoke(int process, String key, Call call) {
    long id = nextId.getAndIncrement();
    Pending op = new Pending(id, process, key, call, clock.getAsLong());
    pending.put(id, op);
    return op;
  }

  /** A snapshot of everything recorded so far; pending operations appear as indeterminate. */
  public History history() {
    // Pending first, then done: complete() adds to done before it removes from pending, so an
    // operation seen pending here is either in the copy of done or still really pending.
    List<Pending> stillPending = List.copyOf(pending.values());
    Map<Long, Op> finished = Map.copyOf(done);
    List<Op> ops = new ArrayList<>(finished.values());
    long now = clock.getAsLong();
    for (Pending op : stillPending) {
      if (!finished.containsKey(op.id)) {
        ops.add(op.toOp(now, new Outcome.Info("still pending when the history was taken")));
      }
    }
    return new History(ops);
  }

  /** An invoked operation waiting for its outcome. */
  public final class Pending {
    private final long id;
    private final int process;
    private final String key;
    private final Call call;
    private final long invokedNanos;
    private final AtomicBoolean completed = new AtomicBoolean();

    private Pending(long id, int process, String key, Call call, long invokedNanos) {
      this.id = id;
      this.process = process;
      this.key = key;
      this.call = call;
      this.invokedNanos = invokedNanos;
    }

    /** A write or compare-and-set that succeeded. */
    public void ok() {
      if (call instanceof Call.Read) {
        throw new IllegalStateException("op " + id + ": a read completes with ok(value)");
      }
      complete(new Outcome.Ok(null));
    }

    /** A read that saw {@code value} ({@code null}: the object was absent). */
    public void ok(String value) {
      if (!(call instanceof Call.Read)) {
        throw new IllegalStateException("op " + id + ": a " + call.name() + " completes with ok()");
      }
      complete(new Outcome.Ok(value));
    }

    /** The server refused it; it certainly had no effect. */
    public void fail(String reason) {
      complete(new Outcome.Fail(reason));
    }

    /** Unknown whether it took effect (timeout, connection error, 5xx). */
    public void info(String reason) {
      complete(new Outcome.Info(reason));
    }

    private void complete(Outcome outcome) {
      long now = clock.getAsLong();
      if (!completed.compareAndSet(false, true)) {
        throw new IllegalStateException("op " + id + " (" + call.describe() + ") completed twice");
      }
      done.put(id, toOp(now, outcome));
      pending.remove(id);
    }

    private Op toOp(long completedNanos, Outcome outcome) {
      return new Op(id, process, key, call, invokedNanos, completedNanos, outcome);
    }
  }
}
