package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ReadIndexBarrierTest {
  final List<CompletableFuture<Void>> rounds = new ArrayList<>();
  final ReadIndexBarrier barrier =
      new ReadIndexBarrier(
          () -> {
            CompletableFuture<Void> round = new CompletableFuture<>();
            rounds.add(round);
            return round;
          });

  @Test
  void readersArrivingDuringARoundShareTheNextOne() {
    CompletableFuture<Void> first = barrier.await();
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      waiting.add(barrier.await());
    }
    assertThat(rounds).hasSize(1);

    rounds.get(0).complete(null);
    assertThat(first).isDone();
    // The 64 arrived after round 1 was sent: round 1 may not answer for them.
    assertThat(waiting).noneMatch(CompletableFuture::isDone);
    assertThat(rounds).hasSize(2);

    rounds.get(1).complete(null);
    assertThat(waiting).allMatch(CompletableFuture::isDone);
    assertThat(rounds).hasSize(2);
  }

  @Test
  void aFailedRoundFailsItsReadersAndTheNextRoundStillRuns() {
    CompletableFuture<Void> first = barrier.await();
    CompletableFuture<Void> second = barrier.await();

    rounds.get(0).completeExceptionally(new IllegalStateException("no leader"));

    assertThatThrownBy(first::get)
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("no leader");
    rounds.get(1).complete(null);
    assertThat(second).isCompleted();
  }

  @Test
  void roundsThatAnswerAtOnceDoNotGrowTheStack() throws Exception {
    int[] rounds = {0};
    ReadIndexBarrier immediate =
        new ReadIndexBarrier(
            () -> {
              rounds[0]++;
              return CompletableFuture.completedFuture(null);
            });
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      readers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 20_000; i++) {
                      immediate.await().join();
                    }
                  }));
    }
    for (Thread t : readers) {
      t.join();
    }
    assertThat(rounds[0]).isPositive().isLessThanOrEqualTo(160_000);
  }
}
