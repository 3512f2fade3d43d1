package dev.nexus.apiserver.storage.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.WatchEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory ring is bounded by revisions and by bytes; what it evicts it no longer covers. */
class EventRingTest {
  static Batch batch(long revision, int valueBytes) {
    return new Batch(
        revision,
        List.of(
            new WatchEvent(
                WatchEvent.Type.ADDED, "/k" + revision, new byte[valueBytes], revision, revision)));
  }

  @Test
  void evictsTheOldestRevisionsOnceTheirBytesPassTheLimit() {
    EventRing ring = new EventRing(100, 1_000, 0);
    for (long r = 1; r <= 10; r++) {
      ring.add(batch(r, 300)); // about 303 bytes each: three fit
    }

    assertThat(ring.size()).isEqualTo(3);
    assertThat(ring.get(0).revision()).isEqualTo(8);
    assertThat(ring.covers(8)).isTrue();
    assertThat(ring.covers(7)).isFalse();
  }

  @Test
  void keepsTheNewestRevisionEvenWhenItAloneIsLargerThanTheLimit() {
    EventRing ring = new EventRing(100, 1_000, 0);
    ring.add(batch(1, 10));
    ring.add(batch(2, 5_000));

    assertThat(ring.size()).isEqualTo(1);
    assertThat(ring.get(0).revision()).isEqualTo(2);
    assertThat(ring.covers(2)).isTrue();
    assertThat(ring.covers(1)).isFalse();
  }

  @Test
  void evictsByCountWhenBatchesAreSmall() {
    EventRing ring = new EventRing(4, 1 << 20, 0);
    for (long r = 1; r <= 6; r++) {
      ring.add(batch(r, 1));
    }

    assertThat(ring.size()).isEqualTo(4);
    assertThat(ring.firstAfter(2)).isZero();
    assertThat(ring.covers(3)).isTrue();
    assertThat(ring.covers(2)).isFalse();
  }
}
