package dev.nexus.e2e.linearizability;

import java.util.Arrays;

/**
 * The set of linearized operations (indexed by invocation order) as a bitset that knows where its
 * interesting part is. During a search the low end is all ones (everything long finished) and the
 * high end all zeros (not yet invoked), so it tracks the first word that is not full and the last
 * word that is not empty, and a {@link Config} built from it costs only the words in between.
 */
final class LinearizedSet {
  private final long[] bits;
  private int count;
  private int firstNotFull;
  private int lastNotEmpty = -1;

  LinearizedSet(int size) {
    bits = new long[(size + 63) / 64];
  }

  void set(int i) {
    int w = i >>> 6;
    bits[w] |= 1L << i;
    count++;
    while (firstNotFull < bits.length && bits[firstNotFull] == -1L) {
      firstNotFull++;
    }
    lastNotEmpty = Math.max(lastNotEmpty, w);
  }

  void clear(int i) {
    int w = i >>> 6;
    bits[w] &= ~(1L << i);
    count--;
    firstNotFull = Math.min(firstNotFull, w);
    while (lastNotEmpty >= 0 && bits[lastNotEmpty] == 0) {
      lastNotEmpty--;
    }
  }

  /** The configuration of this set with the register holding {@code state}. */
  Config config(int state) {
    int high = lastNotEmpty;
    int top = high < 0 ? 0 : high * 64 + 64 - Long.numberOfLeadingZeros(bits[high]);
    int[] holes = new int[top - count];
    int h = 0;
    for (int w = firstNotFull; w <= high && h < holes.length; w++) {
      long missing = ~bits[w];
      while (missing != 0 && h < holes.length) {
        holes[h++] = w * 64 + Long.numberOfTrailingZeros(missing);
        missing &= missing - 1;
      }
    }
    return new Config(state, top, holes, 31 * (31 * state + top) + Arrays.hashCode(holes));
  }

  /**
   * A search configuration: register value, highest linearized index + 1, and the unlinearized
   * indexes below it. Equal configurations have equal futures, so each is explored once.
   */
  record Config(int state, int top, int[] holes, int hash) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Config c
          && c.hash == hash
          && c.state == state
          && c.top == top
          && Arrays.equals(c.holes, holes);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "Config[state=" + state + ", top=" + top + ", holes=" + Arrays.toString(holes) + "]";
    }
  }
}
