package dev.nexus.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleUpToTheCapAndResetAfterSuccess() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
    long[] ceilings = {100, 200, 400, 800, 1000, 1000};
    for (long ceiling : ceilings) {
      long d = b.next().toMillis();
      assertThat(d).isBetween(ceiling / 2, ceiling);
    }
    b.reset();
    assertThat(b.next().toMillis()).isBetween(50L, 100L);
  }

  @Test
  void aResumedStreamSkipsOnlyRevisionsAlreadyDelivered() {
    assertThat(ResumingWatch.isAfter("11", "10")).isTrue();
    assertThat(ResumingWatch.isAfter("10", "10")).isFalse();
    assertThat(ResumingWatch.isAfter("9", "10")).isFalse();
    assertThat(ResumingWatch.isAfter("1", null)).isTrue();
  }
}
