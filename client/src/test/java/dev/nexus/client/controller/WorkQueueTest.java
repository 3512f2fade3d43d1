package dev.nexus.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private static WorkQueue<String> queue() {
    return new WorkQueue<>(RateLimiters.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)));
  }

  @Test
  void aKeyAddedManyTimesIsHandedOutOnce() {
    try (WorkQueue<String> q = queue()) {
      q.add("a");
      q.add("b");
      q.add("a");
      q.add("a");
      assertThat(q.depth()).isEqualTo(2);
      assertThat(q.take()).isEqualTo("a");
      assertThat(q.take()).isEqualTo("b");
      assertThat(q.depth()).isZero();
    }
  }

  @Test
  void aKeyAddedWhileProcessingWaitsForDoneThenComesBackOnce() {
    try (WorkQueue<String> q = queue()) {
      q.add("a");
      assertThat(q.take()).isEqualTo("a");
      q.add("a");
      q.add("a");
      assertThat(q.depth()).as("a is being processed: nobody else may take it").isZero();
      q.done("a");
      assertThat(q.depth()).isEqualTo(1);
      assertThat(q.take()).isEqualTo("a");
      q.done("a");
      assertThat(q.depth()).isZero();
    }
  }

  @Test
  void manyWorkersNeverProcessOneKeyAtOnceAndNoAddIsLost() throws Exception {
    int keys = 16;
    int workers = 8;
    int producers = 4;
    int addsPerProducer = 2_000;
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    Map<String, AtomicLong> latestVersion = new ConcurrentHashMap<>();
    Map<String, AtomicLong> seenVersion = new ConcurrentHashMap<>();
    for (int k = 0; k < keys; k++) {
      inFlight.put("k" + k, new AtomicInteger());
      latestVersion.put("k" + k, new AtomicLong());
      seenVersion.put("k" + k, new AtomicLong(-1));
    }
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    try (WorkQueue<String> q = queue()) {
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      String key;
                      while ((key = q.take()) != null) {
                        if (inFlight.get(key).incrementAndGet() > 1) {
                          overlaps.incrementAndGet();
                        }
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        // Read the newest version at the start, as a reconciler reads state.
                        seenVersion.get(key).set(latestVersion.get(key).get());
                        Thread.onSpinWait();
                        Thread.yield();
                        running.decrementAndGet();
                        inFlight.get(key).decrementAndGet();
                        q.done(key);
                      }
                    }));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> producerThreads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        producerThreads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        go.await();
                      } catch (InterruptedException e) {
                        return;
                      }
                      for (int i = 0; i < addsPerProducer; i++) {
                        String key = "k" + ThreadLocalRandom.current().nextInt(keys);
                        latestVersion.get(key).incrementAndGet();
                        q.add(key);
                      }
                    }));
      }
      go.countDown();
      for (Thread t : producerThreads) {
        t.join();
      }
      // Every key's last change must be seen by a reconcile that started after it.
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  latestVersion.forEach(
                      (k, v) -> assertThat(seenVersion.get(k).get()).as(k).isEqualTo(v.get())));
      q.shutdown();
      for (Thread t : threads) {
        t.join();
      }
    }
    assertThat(overlaps.get()).as("times one key was processed by two workers").isZero();
    assertThat(mostAtOnce.get()).as("different keys do run in parallel").isGreaterThan(1);
  }

  @Test
  void addAfterHandsTheKeyOutOnlyWhenItsDelayHasPassed() {
    try (WorkQueue<String> q = queue()) {
      long start = System.nanoTime();
      q.addAfter("a", Duration.ofMillis(300));
      assertThat(q.depth()).isZero();
      assertThat(q.delayed()).isEqualTo(1);
      assertThat(q.take()).isEqualTo("a");
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(ms).isBetween(295L, 1_500L);
    }
  }

  @Test
  void theEarliestOfSeveralDelaysWins() {
    try (WorkQueue<String> q = queue()) {
      long start = System.nanoTime();
      q.addAfter("a", Duration.ofSeconds(30));
      q.addAfter("a", Duration.ofMillis(100));
      q.addAfter("a", Duration.ofSeconds(10));
      assertThat(q.take()).isEqualTo("a");
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(95L, 1_500L);
      assertThat(q.delayed()).isZero();
    }
  }

  @Test
  void rateLimitedRetriesBackOffExponentiallyUntilForgotten() {
    try (WorkQueue<String> q = queue()) {
      long[] expectedMs = {50, 100, 200, 400};
      for (long expected : expectedMs) {
        long start = System.nanoTime();
        q.addRateLimited("a");
        assertThat(q.take()).isEqualTo("a");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("retry after %d ms", expected).isBetween(expected - 5, expected + 700);
        q.done("a");
      }
      assertThat(q.retries("a")).isEqualTo(4);
      q.forget("a");
      assertThat(q.retries("a")).isZero();
      long start = System.nanoTime();
      q.addRateLimited("a");
      assertThat(q.take()).isEqualTo("a");
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(45L, 700L);
    }
  }

  @Test
  void shutdownReleasesBlockedWorkersAndIgnoresLaterAdds() throws Exception {
    WorkQueue<String> q = queue();
    AtomicReference<String> got = new AtomicReference<>("unset");
    AtomicBoolean returned = new AtomicBoolean();
    Thread worker =
        Thread.ofVirtual()
            .start(
                () -> {
                  got.set(q.take());
                  returned.set(true);
                });
    q.shutdown();
    worker.join(Duration.ofSeconds(10));
    assertThat(returned).isTrue();
    assertThat(got.get()).isNull();
    q.add("a");
    q.addAfter("b", Duration.ofMillis(1));
    assertThat(q.depth()).isZero();
    assertThat(q.take()).isNull();
    q.close();
  }

  @Test
  void depthChangesAreReported() {
    AtomicInteger reported = new AtomicInteger(-1);
    try (WorkQueue<String> q =
        new WorkQueue<>("test", RateLimiters.bucket(100, 10), reported::set)) {
      q.add("a");
      q.add("b");
      assertThat(reported.get()).isEqualTo(2);
      q.take();
      assertThat(reported.get()).isEqualTo(1);
    }
  }
}
