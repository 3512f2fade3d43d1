package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class ReadIndexBarrierTest {
  final List<CompletableFuture<Void>> rounds = new CopyOnWriteArrayList<>();
  final List<Thread> senders = new CopyOnWriteArrayList<>();
  final ReadIndexBarrier barrier =
      new ReadIndexBarrier(
          () -> {
            senders.add(Thread.currentThread());
            CompletableFuture<Void> round = new CompletableFuture<>();
            rounds.add(round);
            return round;
          });

  private void awaitRounds(int n) {
    await().atMost(Duration.ofSeconds(5)).until(() -> rounds.size() >= n);
  }

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
    awaitRounds(2);

    rounds.get(1).complete(null);
    assertThat(waiting).allMatch(CompletableFuture::isDone);
    assertThat(rounds).hasSize(2);
  }

  @Test
  void aFailedRoundFailsItsReadersAndTheNextRoundStillRuns() {
    CompletableFuture<Void> first = barrier.await();
    CompletableFuture<Void> second = barrier.await();

    rounds.get(0).completeExceptionally(new IllegalStateException("no leader"));

    assertThat(first)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withMessageContaining("no leader");
    awaitRounds(2);
    rounds.get(1).complete(null);
    assertThat(second).isCompleted();
  }

  /**
   * Ratis completes a round on its StateMachineUpdater (or the apply thread) while holding its own
   * locks; a read-index request sent from that thread can deadlock. The next round must go out on
   * another thread, and the completing thread must get back at once.
   */
  @Test
  void theNextRoundIsNeverSentFromTheThreadThatCompletedTheLast() throws Exception {
    CompletableFuture<Void> first = barrier.await();
    CompletableFuture<Void> second = barrier.await();
    Thread updater =
        Thread.ofPlatform().name("StateMachineUpdater").start(() -> rounds.get(0).complete(null));
    updater.join(5_000);

    assertThat(updater.isAlive()).as("the completing thread got back").isFalse();
    assertThat(first).isCompleted();
    awaitRounds(2);
    assertThat(senders.get(1)).isNotSameAs(updater).isNotSameAs(Thread.currentThread());
    assertThat(senders.get(1).getName()).isEqualTo("nexus-read-index");
    assertThat(second).isNotDone();
    rounds.get(1).complete(null);
    assertThat(second).isCompleted();
  }

  @Test
  void readersFailRatherThanHangWhenTheSenderRefuses() {
    ReadIndexBarrier refusing =
        new ReadIndexBarrier(
            () -> {
              CompletableFuture<Void> round = new CompletableFuture<>();
              rounds.add(round);
              return round;
            },
            task -> {
              throw new RejectedExecutionException("shutting down");
            });
    refusing.await();
    CompletableFuture<Void> second = refusing.await();

    rounds.get(0).complete(null);

    assertThat(second)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .withMessageContaining("shutting down");
    CompletableFuture<Void> later = refusing.await(); // starts afresh on the reader's thread
    assertThat(rounds).hasSize(2);
    rounds.get(1).complete(null);
    assertThat(later).isCompleted();
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

  @Test
  void withTwoRoundsInFlightAReaderDoesNotWaitForTheCurrentRoundToAnswer() {
    List<CompletableFuture<Void>> sent = new CopyOnWriteArrayList<>();
    ReadIndexBarrier two =
        new ReadIndexBarrier(
            () -> {
              CompletableFuture<Void> round = new CompletableFuture<>();
              sent.add(round);
              return round;
            },
            2);
    CompletableFuture<Void> first = two.await();
    CompletableFuture<Void> second = two.await(); // sent at once: a second slot is free
    List<CompletableFuture<Void>> third = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      third.add(two.await()); // both slots busy: these share the next round
    }
    assertThat(sent).hasSize(2);

    sent.get(1).complete(null);
    assertThat(second).isDone();
    assertThat(first).isNotDone();
    await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
    assertThat(third).noneMatch(CompletableFuture::isDone);

    sent.get(2).complete(null);
    assertThat(third).allMatch(CompletableFuture::isDone);
    sent.get(0).complete(null);
    assertThat(first).isDone();
    assertThat(sent).hasSize(3);
  }
}
