package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
  private final AtomicLong clock = new AtomicLong();
  private final Expectations e = new Expectations(Duration.ofSeconds(30), clock::get);

  @Test
  void unsatisfiedUntilEveryCreationAndDeletionIsSeen() {
    e.expectCreations("d/w", List.of("w-a", "w-b"));
    e.expectDeletions("d/w", List.of("w-old"));
    assertThat(e.satisfied("d/w")).isFalse();
    e.creationObserved("d/w", "w-a");
    e.creationObserved("d/w", "w-unrelated");
    e.deletionObserved("d/w", "w-old");
    assertThat(e.satisfied("d/w")).isFalse();
    assertThat(e.outstanding("d/w")).isEqualTo(1);
    e.creationObserved("d/w", "w-b");
    assertThat(e.satisfied("d/w")).isTrue();
    assertThat(e.satisfied("d/other")).isTrue();
  }

  @Test
  void anEntryExpiresSoALostEventCannotFreezeAWorkload() {
    e.expectCreations("d/w", List.of("w-a"));
    clock.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(e.satisfied("d/w")).isFalse();
    assertThat(e.untilExpiry("d/w")).isEqualTo(Duration.ofSeconds(1));
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(e.satisfied("d/w")).isTrue();
    assertThat(e.outstanding("d/w")).isZero();
  }

  @Test
  void forgetDropsEverything() {
    e.expectCreations("d/w", List.of("w-a"));
    e.forget("d/w");
    assertThat(e.satisfied("d/w")).isTrue();
  }
}
