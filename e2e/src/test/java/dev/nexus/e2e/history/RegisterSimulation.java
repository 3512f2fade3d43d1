package dev.nexus.e2e.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Histories of a register that really is atomic, so they are linearizable by construction. Values
 * are unique per write ("p2-17"); no one writes null, so "absent" is only ever the initial value.
 */
public final class RegisterSimulation {
  private RegisterSimulation() {}

  /**
   * Real threads share registers guarded by one lock each; random delays before and after the
   * critical section stand in for the network. Some responses are "lost" (recorded as info), and
   * half of those never reached the register at all.
   */
  public static History realThreads(long seed, int processes, int opsEach, int keys) {
    HistoryRecorder recorder = new HistoryRecorder();
    Map<String, String> registers = new HashMap<>();
    Map<String, ReentrantLock> locks = new HashMap<>();
    for (int k = 0; k < keys; k++) {
      registers.put("k" + k, null);
      locks.put("k" + k, new ReentrantLock());
    }
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      int process = p;
      Random random = new Random(seed * 31 + p);
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    Map<String, String> lastSeen = new HashMap<>();
                    for (int i = 0; i < opsEach; i++) {
                      String key = "k" + random.nextInt(keys);
                      Call call = randomCall(random, process, i, lastSeen.get(key));
                      HistoryRecorder.Pending op = recorder.invoke(process, key, call);
                      delay(random);
                      boolean lost = random.nextInt(20) == 0;
                      boolean reached = !lost || random.nextBoolean();
                      String result = null;
                      boolean applied = false;
                      if (reached) {
                        ReentrantLock lock = locks.get(key);
                        lock.lock();
                        try {
                          String current = registers.get(key);
                          result = current;
                          applied = apply(registers, key, call, current);
                        } finally {
                          lock.unlock();
                        }
                      }
                      delay(random);
                      if (lost) {
                        op.info("response lost");
                      } else if (call instanceof Call.Read) {
                        lastSeen.put(key, result);
                        op.ok(result);
                      } else if (applied) {
                        op.ok();
                      } else {
                        op.fail("409 Conflict");
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while simulating", e);
      }
    }
    return recorder.history();
  }

  /**
   * The same in virtual time, deterministic for a seed and fast enough for 10,000-op histories:
   * each process runs ops back to back with random gaps and durations; each op that reaches the
   * register takes effect at a random point of its interval, applied in that order.
   */
  public static History virtualTime(long seed, int processes, int totalOps, int keys) {
    Random random = new Random(seed);
    record Planned(long id, int process, String key, long invoked, long completed, long at) {}
    List<Planned> plans = new ArrayList<>();
    long[] clock = new long[processes];
    for (int i = 0; i < totalOps; i++) {
      int p = random.nextInt(processes);
      long invoked = clock[p] + random.nextInt(50);
      long completed = invoked + 1 + random.nextInt(200);
      long at = invoked + (long) (random.nextDouble() * (completed - invoked));
      plans.add(new Planned(i, p, "k" + random.nextInt(keys), invoked, completed, at));
      clock[p] = completed + 1;
    }
    plans.sort(Comparator.comparingLong(Planned::at).thenComparingLong(Planned::id));
    Map<String, String> registers = new HashMap<>();
    Map<String, String> previous = new HashMap<>();
    List<Op> ops = new ArrayList<>();
    for (Planned plan : plans) {
      String current = registers.get(plan.key());
      int kind = random.nextInt(10);
      Call call;
      if (kind < 4) {
        call = new Call.Read();
      } else if (kind < 7) {
        call = new Call.Write("p" + plan.process() + "-" + plan.id());
      } else {
        // Mostly the current value (succeeds), sometimes the one before it (a stale client).
        String expected = random.nextInt(4) == 0 ? previous.get(plan.key()) : current;
        call = new Call.Cas(expected, "p" + plan.process() + "-" + plan.id());
      }
      boolean lost = random.nextInt(50) == 0;
      boolean reached = !lost || random.nextBoolean();
      boolean applied = reached && apply(registers, plan.key(), call, current);
      if (applied && !(call instanceof Call.Read)) {
        previous.put(plan.key(), current);
      }
      Outcome outcome;
      if (lost) {
        outcome = new Outcome.Info("response lost");
      } else if (call instanceof Call.Read) {
        outcome = new Outcome.Ok(current);
      } else {
        outcome = applied ? new Outcome.Ok(null) : new Outcome.Fail("409 Conflict");
      }
      ops.add(
          new Op(
              plan.id(),
              plan.process(),
              plan.key(),
              call,
              plan.invoked(),
              plan.completed(),
              outcome));
    }
    return new History(ops);
  }

  private static Call randomCall(Random random, int process, int seq, String lastSeen) {
    return switch (random.nextInt(3)) {
      case 0 -> new Call.Read();
      case 1 -> new Call.Write("p" + process + "-" + seq);
      default -> new Call.Cas(lastSeen, "p" + process + "-" + seq);
    };
  }

  /** Applies call to the register; false when a compare-and-set's expectation does not hold. */
  private static boolean apply(
      Map<String, String> registers, String key, Call call, String current) {
    return switch (call) {
      case Call.Read r -> true;
      case Call.Write w -> {
        registers.put(key, w.value());
        yield true;
      }
      case Call.Cas c -> {
        if (java.util.Objects.equals(current, c.expected())) {
          registers.put(key, c.value());
          yield true;
        }
        yield false;
      }
    };
  }

  /** Simulated network latency of 0-100 µs: not a wait for anything, so parkNanos is right. */
  private static void delay(Random random) {
    LockSupport.parkNanos(random.nextInt(100_000));
  }
}
