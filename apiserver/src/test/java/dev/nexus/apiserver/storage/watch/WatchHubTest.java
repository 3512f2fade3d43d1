package dev.nexus.apiserver.storage.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.WatchEvent;
import dev.nexus.apiserver.storage.WatchRegistration;
import dev.nexus.apiserver.storage.lmdb.ApplyOutcome;
import dev.nexus.apiserver.storage.lmdb.LmdbOptions;
import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import dev.nexus.apiserver.storage.lmdb.TxnApplier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan-out over a real LMDB, fed the way the apply thread feeds it: write, then publish. Small
 * ring and window sizes force the ring → LMDB → live transitions.
 */
class WatchHubTest {
  @TempDir Path dir;
  LmdbStore lmdb;
  TxnApplier applier;
  WatchHub hub;
  long index;

  @BeforeEach
  void open() throws Exception {
    lmdb = LmdbStore.open(dir, new LmdbOptions(64L << 20, 64, false));
    applier = new TxnApplier(lmdb, 1_000);
    hub = new WatchHub((a, t, m) -> lmdb.readHistory(a, t, m), 8, 0);
  }

  @AfterEach
  void close() {
    hub.close();
    lmdb.close();
  }

  void write(String key) {
    index++;
    ApplyOutcome out =
        applier.apply(1, index, List.of(new Op.Put(key, new byte[] {1}, Precondition.NONE)));
    hub.publish(index, out.events());
  }

  @Test
  void aWatchStartedWhileWritesFlowGetsEveryEventOnceInOrder() throws Exception {
    for (int i = 0; i < 100; i++) {
      write("/a/" + i); // revisions 1..100, far more than the ring holds
    }
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 100; i < 2_000; i++) {
                    write("/a/" + i);
                  }
                });
    List<RecordingSink> sinks = new ArrayList<>();
    for (int start : new int[] {0, 7, 50, 99}) {
      RecordingSink sink = new RecordingSink();
      hub.register("/a/", start, e -> true, sink);
      sinks.add(sink);
      Thread.onSpinWait();
    }
    writer.join();

    for (int s = 0; s < sinks.size(); s++) {
      long start = new int[] {0, 7, 50, 99}[s];
      RecordingSink sink = sinks.get(s);
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 2_000 - start);
      assertThat(sink.revisions())
          .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, 2_000).boxed().toList());
    }
  }

  @Test
  void onlyKeysUnderThePrefixThatPassTheFilterAreDelivered() {
    RecordingSink aOnly = new RecordingSink();
    RecordingSink filtered = new RecordingSink();
    hub.register("/a/", 0, e -> true, aOnly);
    hub.register("/", 0, e -> e.key().endsWith("x"), filtered);

    write("/a/1");
    write("/b/1");
    write("/a/2x");
    write("/ab/x");

    await().until(() -> aOnly.events.size() == 2 && filtered.events.size() == 2);
    assertThat(aOnly.keys()).containsExactly("/a/1", "/a/2x");
    assertThat(filtered.keys()).containsExactly("/a/2x", "/ab/x");
  }

  @Test
  void aSinkThatRefusesIsClosedWithAReasonAndGetsNoMore() {
    RecordingSink small = new RecordingSink(2);
    hub.register("/", 0, e -> true, small);

    for (int i = 0; i < 5; i++) {
      write("/k" + i);
    }

    await().until(() -> small.closedReason.get() != null);
    assertThat(small.closedReason.get()).contains("did not keep up");
    assertThat(small.events).hasSize(2);
    assertThat(hub.watcherCount()).isZero();
  }

  @Test
  void closingARegistrationStopsDeliveryWithoutACallback() {
    RecordingSink sink = new RecordingSink();
    WatchRegistration r = hub.register("/", 0, e -> true, sink);
    write("/one");
    await().until(() -> sink.events.size() == 1);

    r.close();
    write("/two");
    RecordingSink probe = new RecordingSink();
    hub.register("/", 1, e -> true, probe);
    await().until(() -> probe.events.size() == 1);

    assertThat(sink.keys()).containsExactly("/one");
    assertThat(sink.closedReason.get()).isNull();
    assertThat(hub.watcherCount()).isEqualTo(1);
  }

  @Test
  void aWatchWhoseHistoryWasCompactedMeanwhileIsToldGone() throws Exception {
    hub.close();
    lmdb.close();
    lmdb = LmdbStore.open(dir.resolve("small"), new LmdbOptions(64L << 20, 64, false));
    applier = new TxnApplier(lmdb, 3);
    hub = new WatchHub((a, t, m) -> lmdb.readHistory(a, t, m), 2, 0);
    for (int i = 0; i < 10; i++) {
      write("/k" + i); // history keeps 8..10, ring keeps 9..10
    }
    RecordingSink late = new RecordingSink();

    hub.register("/", 2, e -> true, late);

    await().until(() -> late.closedReason.get() != null);
    assertThat(late.closedReason.get()).startsWith(WatchHub.GONE);
    assertThat(late.events).isEmpty();
  }

  @Test
  void aWatchFromTheFutureWaitsForItsRevision() {
    write("/1");
    RecordingSink sink = new RecordingSink();
    hub.register("/", 3, e -> true, sink);
    write("/2");
    write("/3");
    write("/4");

    await().until(() -> sink.events.size() == 1);
    assertThat(sink.events).extracting(WatchEvent::key).containsExactly("/4");
  }

  @Test
  void resetEndsEveryWatch() {
    RecordingSink sink = new RecordingSink();
    hub.register("/", 0, e -> true, sink);
    hub.reset(500, "reloaded");

    await().until(() -> "reloaded".equals(sink.closedReason.get()));
    assertThat(hub.watcherCount()).isZero();
  }

  /** One entry with a put per key: all its events share one revision. */
  void writeAll(String... keys) {
    index++;
    List<Op> ops = new ArrayList<>();
    for (String key : keys) {
      ops.add(new Op.Put(key, new byte[] {1}, Precondition.NONE));
    }
    hub.publish(index, applier.apply(1, index, ops).events());
  }

  @Test
  void eachRevisionReachesASinkInOneOfferLiveFromTheRingAndFromHistory() {
    for (int i = 0; i < 20; i++) {
      writeAll("/a/" + i + "x", "/b/" + i, "/a/" + i + "y"); // revisions 1..20; the ring holds 8
    }
    RevisionSink fromHistory = new RevisionSink();
    RevisionSink fromRing = new RevisionSink();
    RevisionSink live = new RevisionSink();
    hub.register("/a/", 0, e -> true, fromHistory);
    hub.register("/a/", 15, e -> true, fromRing);
    hub.register("/a/", 20, e -> true, live);
    for (int i = 20; i < 25; i++) {
      writeAll("/a/" + i + "x", "/b/" + i, "/a/" + i + "y");
    }

    await().until(() -> fromHistory.events.size() == 50);
    await().until(() -> fromRing.events.size() == 20 && live.events.size() == 10);
    for (RevisionSink sink : List.of(fromHistory, fromRing, live)) {
      for (List<WatchEvent> group : sink.revisions) {
        assertThat(group).extracting(WatchEvent::key).hasSize(2).allMatch(k -> k.startsWith("/a/"));
        assertThat(group.get(0).revision()).isEqualTo(group.get(1).revision());
      }
      assertThat(sink.revisions.stream().map(g -> g.get(0).revision()).toList())
          .isSorted()
          .doesNotHaveDuplicates();
    }
  }
}
