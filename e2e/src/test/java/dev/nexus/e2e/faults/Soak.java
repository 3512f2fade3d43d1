package dev.nexus.e2e.faults;

import java.time.Duration;

/**
 * How long the scenarios run. CI runs each fault cycle once with a few seconds of load around it;
 * {@code -Dnexus.e2e.soak=DURATION} (ISO-8601 like {@code PT30M}, or plain seconds) makes every
 * scenario repeat its cycle until that much time has passed (bin/soak).
 */
public final class Soak {
  private final long deadline;
  private int cycles;

  private Soak(Duration total) {
    this.deadline = System.nanoTime() + total.toNanos();
  }

  /** Starts the clock for one scenario. */
  public static Soak start() {
    return new Soak(configured());
  }

  static Duration configured() {
    String v = System.getProperty("nexus.e2e.soak", "").strip();
    if (v.isEmpty()) {
      return Duration.ZERO;
    }
    try {
      return v.startsWith("P") ? Duration.parse(v) : Duration.ofSeconds(Long.parseLong(v));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "nexus.e2e.soak: must be a duration like PT30M or a number of seconds, was \""
              + v
              + "\"");
    }
  }

  /** Whether to run another cycle: always after none, then while the soak time lasts. */
  public boolean another() {
    cycles++;
    return cycles == 1 || System.nanoTime() < deadline;
  }

  public int cycles() {
    return cycles;
  }

  /** Load phases: {@code ci} normally, twice as long in a soak. */
  public static Duration phase(Duration ci) {
    return configured().isZero() ? ci : ci.multipliedBy(2);
  }
}
