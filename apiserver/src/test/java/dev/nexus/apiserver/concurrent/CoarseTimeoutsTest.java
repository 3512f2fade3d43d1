package dev.nexus.apiserver.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CoarseTimeoutsTest {
  @Test
  void aWaitNotDoneInTimeFailsWithATimeoutAboutOnTime() {
    long start = System.nanoTime();
    CompletableFuture<String> f =
        CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofMillis(200));

    Throwable error = f.handle((v, e) -> e).join();
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(error).isInstanceOf(TimeoutException.class);
    assertThat(tookMs).isBetween(200L, 200 + CoarseTimeouts.TICK.toMillis() + 1_000);
  }

  @Test
  void aWaitDoneInTimeKeepsItsResultAndLaterOnesStillTimeOut() {
    CompletableFuture<String> quick =
        CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofMillis(300));
    CompletableFuture<String> stuck =
        CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofMillis(300));
    quick.complete("done");

    await().atMost(Duration.ofSeconds(5)).until(stuck::isDone);
    assertThat(quick.join()).isEqualTo("done");
    assertThat(stuck).isCompletedExceptionally();
    assertThat(stuck.handle((v, e) -> e).join()).isInstanceOf(TimeoutException.class);
  }

  @Test
  void waitsOfDifferentLengthsEachGetTheirOwn() {
    CompletableFuture<String> longer =
        CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofSeconds(30));
    CompletableFuture<String> shorter =
        CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofMillis(100));

    await().atMost(Duration.ofSeconds(5)).until(shorter::isDone);
    assertThat(shorter).isCompletedExceptionally();
    assertThat(longer).isNotDone();
    longer.complete("fine");
  }

  @Test
  void theSweeperWakesAgainAfterIdling() {
    // Several rounds, each after the queues ran empty and the sweeper went to sleep.
    for (int round = 0; round < 3; round++) {
      List<CompletableFuture<Object>> waits = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        waits.add(CoarseTimeouts.within(new CompletableFuture<>(), Duration.ofMillis(50)));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> waits.stream().allMatch(f -> f.isDone()));
      assertThat(waits)
          .allSatisfy(
              f ->
                  assertThat(
                          (Throwable)
                              f.handle(
                                      (v, e) -> e instanceof CompletionException ? e.getCause() : e)
                                  .join())
                      .isInstanceOf(TimeoutException.class));
    }
  }
}
