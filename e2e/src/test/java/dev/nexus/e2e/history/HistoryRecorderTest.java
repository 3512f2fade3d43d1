package dev.nexus.e2e.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {
  @Test
  void recordsEveryOperationFromManyThreadsWithItsInterval() throws InterruptedException {
    HistoryRecorder recorder = new HistoryRecorder();
    List<Thread> clients = new ArrayList<>();
    for (int p = 0; p < 16; p++) {
      int process = p;
      clients.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      var op = recorder.invoke(process, "k" + (i % 3), new Call.Write("v" + i));
                      if (i % 10 == 0) {
                        op.info("timeout");
                      } else {
                        op.ok();
                      }
                    }
                  }));
    }
    for (Thread t : clients) {
      t.join();
    }
    History history = recorder.history();
    assertThat(history.size()).isEqualTo(16 * 200);
    assertThat(history.ops().stream().map(Op::id).distinct()).hasSize(16 * 200);
    assertThat(history.ops()).allMatch(op -> op.completedNanos() >= op.invokedNanos());
    assertThat(history.ops().stream().filter(op -> op.outcome() instanceof Outcome.Info))
        .hasSize(16 * 20);
    assertThat(history.byKey()).containsOnlyKeys("k0", "k1", "k2");
  }

  @Test
  void anOperationStillPendingIsIndeterminate() {
    AtomicLong clock = new AtomicLong(100);
    HistoryRecorder recorder = new HistoryRecorder(clock::get);
    recorder.invoke(1, "r", new Call.Write("a"));
    var read = recorder.invoke(2, "r", new Call.Read());
    clock.set(150);
    read.ok("a");
    clock.set(200);
    History history = recorder.history();
    assertThat(history.ops())
        .containsExactly(
            new Op(
                0,
                1,
                "r",
                new Call.Write("a"),
                100,
                200,
                new Outcome.Info("still pending when the history was taken")),
            new Op(1, 2, "r", new Call.Read(), 100, 150, new Outcome.Ok("a")));
    assertThat(history.ops().getFirst().effectiveCompletion()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void misuseIsRefusedWithTheOperationNamed() {
    HistoryRecorder recorder = new HistoryRecorder();
    var write = recorder.invoke(1, "r", new Call.Write("a"));
    write.ok();
    assertThatThrownBy(write::ok).hasMessageContaining("op 0").hasMessageContaining("twice");
    var read = recorder.invoke(1, "r", new Call.Read());
    assertThatThrownBy(read::ok).hasMessageContaining("op 1: a read completes with ok(value)");
    var cas = recorder.invoke(1, "r", new Call.Cas("a", "b"));
    assertThatThrownBy(() -> cas.ok("b")).hasMessageContaining("a cas completes with ok()");
  }
}
