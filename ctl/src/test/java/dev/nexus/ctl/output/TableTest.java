package dev.nexus.ctl.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAlignWithThreeSpacesAndNoTrailingPadding() {
    Table t = new Table(List.of("NAME", "READY", "AGE"));
    t.add(List.of("web", "3/3", "5m"));
    t.add(List.of("database-primary", "0/1", "2d"));
    assertThat(t.render(true))
        .isEqualTo(
            """
            NAME               READY   AGE
            web                3/3     5m
            database-primary   0/1     2d
            """);
    assertThat(t.render(false)).doesNotContain("NAME").endsWith("2d\n");
  }

  @Test
  void aRowMustFitTheColumns() {
    assertThatThrownBy(() -> new Table(List.of("A", "B")).add(List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCellWiderThanItsColumnPushesTheRest() {
    assertThat(Table.line(List.of("a-very-long-name", "x"), new int[] {4, 1}))
        .isEqualTo("a-very-long-name   x");
  }
}
