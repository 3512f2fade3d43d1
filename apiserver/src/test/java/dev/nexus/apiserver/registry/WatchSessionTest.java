package dev.nexus.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WatchSessionTest {
  private static final String NS = "/registry/nexus.dev/workloads/default/";

  private static WatchEvent event(String name, long rv, String app) {
    String json = "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"" + app + "\"}}}";
    return new WatchEvent(
        WatchEvent.Type.ADDED, NS + name, json.getBytes(StandardCharsets.UTF_8), rv, rv);
  }

  private static WatchSession session(
      int capacity, Predicate<com.fasterxml.jackson.databind.node.ObjectNode> filter) {
    return new WatchSession(capacity, null, filter, new SharedEvents(64), 10, false);
  }

  @Test
  void eventsComeOutInOrderWithTheirRevision() throws Exception {
    WatchSession s = session(10, o -> true);
    s.offer(event("a", 11, "web"));
    s.offer(event("b", 12, "web"));
    assertThat(
            s.next(1, TimeUnit.SECONDS).object().path("metadata").path("resourceVersion").asText())
        .isEqualTo("11");
    assertThat(s.next(1, TimeUnit.SECONDS).revision()).isEqualTo(12);
    assertThat(s.next(10, TimeUnit.MILLISECONDS)).isNull();
    assertThat(s.lastRevision()).isEqualTo(12);
  }

  @Test
  void aFullQueueEndsTheSessionAsOverflow() {
    WatchSession s = session(2, o -> true);
    assertThat(s.offer(event("a", 11, "web"))).isTrue();
    assertThat(s.offer(event("b", 12, "web"))).isTrue();
    assertThat(s.offer(event("c", 13, "web"))).isFalse();
    assertThat(s.end()).isEqualTo(WatchSession.End.OVERFLOW);
  }

  @Test
  void filteredEventsStillAdvanceTheRevision() throws Exception {
    WatchSession s =
        session(10, o -> o.path("metadata").path("labels").path("app").asText().equals("web"));
    s.offer(event("db", 11, "db"));
    s.offer(event("web", 12, "web"));
    assertThat(s.next(1, TimeUnit.SECONDS).revision()).isEqualTo(12);
  }

  @Test
  void bookmarksNeverGetAheadOfUndeliveredEvents() throws Exception {
    WatchSession s = session(10, o -> true);
    Predicate<WatchEvent> admit = s.admit(NS);
    // A change elsewhere in the kind at 20: everything before 20 has been offered.
    WatchEvent elsewhere =
        new WatchEvent(
            WatchEvent.Type.ADDED,
            "/registry/nexus.dev/workloads/prod/x",
            "{}".getBytes(StandardCharsets.UTF_8),
            20,
            20);
    assertThat(admit.test(elsewhere)).isFalse();
    assertThat(s.bookmarkRevision()).isEqualTo(19);
    // A wanted change queued but not yet taken holds the bookmark back.
    WatchEvent mine = event("web", 21, "web");
    assertThat(admit.test(mine)).isTrue();
    s.offer(mine);
    assertThat(s.bookmarkRevision()).isEqualTo(10);
    s.next(1, TimeUnit.SECONDS);
    assertThat(s.bookmarkRevision()).isEqualTo(21);
  }

  @Test
  void closingEndsAWaitingReader() throws Exception {
    WatchSession s = session(10, o -> true);
    Thread closer = Thread.ofVirtual().start(() -> s.close());
    assertThat(s.next(5, TimeUnit.SECONDS)).isNull();
    closer.join();
    assertThat(s.end()).isEqualTo(WatchSession.End.CLOSED);
  }

  @Test
  void aRevisionIsQueuedWholeOrNotAtAll() throws Exception {
    WatchSession s = session(3, o -> true);
    assertThat(s.offerRevision(List.of(event("a", 11, "web"), event("b", 11, "web")))).isTrue();
    // Two more would make four: the whole revision is refused, none of it queued.
    assertThat(s.offerRevision(List.of(event("c", 12, "web"), event("d", 12, "web")))).isFalse();
    assertThat(s.end()).isEqualTo(WatchSession.End.OVERFLOW);
    // Nothing of 11 was read yet: the queue is dropped and the reader resumes after 10.
    assertThat(names(s)).isEmpty();
    assertThat(s.lastRevision()).isEqualTo(10);
  }

  @Test
  void anEmptyQueueTakesARevisionLargerThanItsCapacity() throws Exception {
    WatchSession s = session(2, o -> true);
    List<WatchEvent> big =
        List.of(event("a", 11, "web"), event("b", 11, "web"), event("c", 11, "web"));
    assertThat(s.offerRevision(big)).isTrue();
    assertThat(s.end()).isNull();
    assertThat(names(s)).containsExactly("a", "b", "c");
  }

  @Test
  void anEndingSessionStillHandsOutTheRestOfTheRevisionBeingRead() throws Exception {
    WatchSession s = session(10, o -> true);
    s.offerRevision(List.of(event("a", 11, "web"), event("b", 11, "web"), event("c", 11, "web")));
    s.offerRevision(List.of(event("d", 12, "web")));
    assertThat(s.next(1, TimeUnit.SECONDS).revision()).isEqualTo(11);
    assertThat(s.midRevision()).isTrue();
    assertThat(s.bookmarkRevision()).as("revision 11 is not yet all out").isEqualTo(10);

    s.close();

    // b and c (revision 11) still come out; d (revision 12) was dropped with the session.
    assertThat(names(s)).containsExactly("b", "c");
    assertThat(s.midRevision()).isFalse();
    assertThat(s.lastRevision()).isEqualTo(11);
  }

  @Test
  void anOverflowMidRevisionLetsTheReaderFinishThatRevision() throws Exception {
    WatchSession s = session(3, o -> true);
    s.offerRevision(List.of(event("a", 11, "web"), event("b", 11, "web")));
    assertThat(s.next(1, TimeUnit.SECONDS).revision()).isEqualTo(11);
    s.offerRevision(List.of(event("c", 12, "web")));
    assertThat(s.offerRevision(List.of(event("d", 13, "web"), event("e", 13, "web")))).isFalse();

    assertThat(s.end()).isEqualTo(WatchSession.End.OVERFLOW);
    assertThat(names(s))
        .as("resuming after 11 then repeats and misses nothing")
        .containsExactly("b");
    assertThat(s.lastRevision()).isEqualTo(11);
  }

  /** Names of the events next() still returns before it reports the end or runs dry. */
  private static List<String> names(WatchSession s) throws InterruptedException {
    List<String> out = new ArrayList<>();
    for (var d = s.next(10, TimeUnit.MILLISECONDS);
        d != null;
        d = s.next(10, TimeUnit.MILLISECONDS)) {
      out.add(d.object().path("metadata").path("name").asText());
    }
    return out;
  }
}
