package dev.nexus.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitersTest {
  @Test
  void exponentialDoublesPerItemUpToTheCap() {
    RateLimiter<String> l = RateLimiters.exponential(Duration.ofMillis(5), Duration.ofMillis(100));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(l.when("b")).as("items back off independently").isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(40));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(80));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(100));
    assertThat(l.retries("a")).isEqualTo(6);
    l.forget("a");
    assertThat(l.retries("a")).isZero();
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void exponentialNeverOverflowsAfterManyRetries() {
    RateLimiter<String> l =
        RateLimiters.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1000));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 200; i++) {
      last = l.when("a");
      assertThat(last).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1000));
    }
    assertThat(last).isEqualTo(Duration.ofSeconds(1000));
  }

  @Test
  void bucketLetsABurstThroughThenPacesAtQps() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateLimiter<String> l = new RateLimiters.Bucket<>(10, 3, now::get);
    assertThat(l.when("a")).isZero();
    assertThat(l.when("b")).isZero();
    assertThat(l.when("c")).isZero();
    assertThat(l.when("d")).isEqualTo(Duration.ofMillis(100));
    assertThat(l.when("e")).isEqualTo(Duration.ofMillis(200));
    now.addAndGet(Duration.ofSeconds(10).toNanos()); // refills, but never beyond the burst
    assertThat(l.when("f")).isZero();
    assertThat(l.when("g")).isZero();
    assertThat(l.when("h")).isZero();
    assertThat(l.when("i")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void maxTakesTheLongestDelayAndForgetsEverywhere() {
    AtomicLong now = new AtomicLong();
    RateLimiter<String> l =
        RateLimiters.max(
            RateLimiters.exponential(Duration.ofMillis(5), Duration.ofSeconds(10)),
            new RateLimiters.Bucket<>(1, 1, now::get));
    assertThat(l.when("a"))
        .as("bucket has a token, exponential says 5 ms")
        .isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).as("bucket now owes a second").isEqualTo(Duration.ofSeconds(1));
    assertThat(l.retries("a")).isEqualTo(2);
    l.forget("a");
    assertThat(l.retries("a")).isZero();
  }

  @Test
  void theDefaultStartsAt5MillisecondsPerItem() {
    RateLimiter<String> l = RateLimiters.defaultControllerRateLimiter();
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(l.when("a")).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> RateLimiters.exponential(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("base must be positive");
    assertThatThrownBy(() -> RateLimiters.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("must not be below base");
    assertThatThrownBy(() -> RateLimiters.bucket(0, 1)).hasMessageContaining("qps must be");
    assertThatThrownBy(() -> RateLimiters.bucket(1, 0)).hasMessageContaining("burst must be");
  }
}
