package dev.nexus.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the flag values of {@code nexus server} that are more than a number: a range of durations
 * ({@code --election-timeout 500-1000}, {@code 500ms-1s}) and a byte size ({@code
 * --snapshot-every-bytes 64MiB}). Errors name the flag and the expected form.
 */
final class FlagValues {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)?");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(B|KiB|MiB|GiB|K|M|G)?");

  /** A lower and upper bound, lower strictly below upper. */
  record Range(Duration min, Duration max) {}

  private FlagValues() {}

  /** {@code MIN-MAX}, each in milliseconds, or with a unit {@code ms} or {@code s}. */
  static Range durationRange(String flag, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    int dash = v.indexOf('-');
    Duration min = dash < 0 ? null : duration(v.substring(0, dash));
    Duration max = dash < 0 ? null : duration(v.substring(dash + 1));
    if (min == null || max == null || min.isZero()) {
      throw new IllegalArgumentException(
          flag + ": must be MIN-MAX in milliseconds (e.g. 500-1000 or 500ms-1s), was " + value);
    }
    if (max.compareTo(min) <= 0) {
      throw new IllegalArgumentException(flag + ": MAX must be greater than MIN, was " + value);
    }
    return new Range(min, max);
  }

  private static Duration duration(String s) {
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return "s".equals(m.group(2)) ? Duration.ofSeconds(n) : Duration.ofMillis(n);
  }

  /** A byte count: a number, optionally followed by B, KiB, MiB or GiB (K, M, G alike). */
  static long bytes(String flag, String value) {
    Matcher m = SIZE.matcher(value == null ? "" : value.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          flag + ": must be a size such as 67108864, 64MiB or 512KiB, was " + value);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).substring(0, 1);
    int shift =
        switch (unit) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          default -> 0;
        };
    if (n > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException(flag + ": too large, was " + value);
    }
    return n << shift;
  }
}
