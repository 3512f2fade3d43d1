package dev.nexus.e2e.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {
  @Property(tries = 50)
  void everyHistorySurvivesARoundTrip(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int ops) {
    History history = RegisterSimulation.virtualTime(seed, 4, ops, 3);
    assertThat(HistoryJson.parse(HistoryJson.toJsonLines(history))).isEqualTo(history);
  }

  @Test
  void writesOneReadableLinePerOperationAndReadsItBack(@TempDir Path dir) throws IOException {
    History history =
        Histories.history()
            .write(1, "a", 10, 20)
            .read(2, null, 15, 25)
            .casFailed(3, "x", "b", 30, 40)
            .casTimedOut(1, "a", null, 50, 60)
            .build();
    Path file = dir.resolve("history.jsonl");
    HistoryJson.write(history, file);
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"id\":0,\"process\":1,\"key\":\"r\",\"f\":\"write\",\"value\":\"a\","
                + "\"invoke\":10,\"complete\":20,\"type\":\"ok\"}",
            "{\"id\":1,\"process\":2,\"key\":\"r\",\"f\":\"read\","
                + "\"invoke\":15,\"complete\":25,\"type\":\"ok\",\"result\":null}",
            "{\"id\":2,\"process\":3,\"key\":\"r\",\"f\":\"cas\",\"expected\":\"x\",\"value\":\"b\","
                + "\"invoke\":30,\"complete\":40,\"type\":\"fail\",\"error\":\"409 Conflict\"}",
            "{\"id\":3,\"process\":1,\"key\":\"r\",\"f\":\"cas\",\"expected\":\"a\",\"value\":null,"
                + "\"invoke\":50,\"complete\":60,\"type\":\"info\",\"error\":\"timeout\"}");
    assertThat(HistoryJson.read(file)).isEqualTo(history);
  }

  @Test
  void badLinesAreRejectedNamingTheLineAndTheField() {
    String good =
        "{\"id\":0,\"process\":1,\"key\":\"r\",\"f\":\"write\",\"value\":\"a\","
            + "\"invoke\":10,\"complete\":20,\"type\":\"ok\"}\n";
    assertThatThrownBy(() -> HistoryJson.parse(good + "\n{\"id\":1}"))
        .hasMessage("line 3: field 'f' is required and must be a string");
    assertThatThrownBy(() -> HistoryJson.parse(good.replace("write", "delete")))
        .hasMessage("line 1: field 'f' must be one of read, write, cas");
    assertThatThrownBy(() -> HistoryJson.parse(good.replace("\"ok\"", "\"maybe\"")))
        .hasMessage("line 1: field 'type' must be one of ok, fail, info");
    assertThatThrownBy(() -> HistoryJson.parse(good.replace("\"invoke\":10", "\"invoke\":\"x\"")))
        .hasMessage("line 1: field 'invoke' is required and must be an integer");
    assertThatThrownBy(() -> HistoryJson.parse(good.replace("\"complete\":20", "\"complete\":5")))
        .hasMessageStartingWith("line 1: op 0: completedNanos 5 is before invokedNanos 10");
    assertThatThrownBy(() -> HistoryJson.parse("{not json"))
        .hasMessageStartingWith("line 1: not JSON");
    assertThatThrownBy(() -> HistoryJson.parse(good + good))
        .hasMessage("two operations share id 0");
  }
}
