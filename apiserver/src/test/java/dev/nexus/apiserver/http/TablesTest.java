package dev.nexus.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TablesTest {
  @Test
  void agesReadLikeKubectls() {
    assertThat(Tables.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Tables.humanDuration(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(Tables.humanDuration(Duration.ofSeconds(330))).isEqualTo("5m30s");
    assertThat(Tables.humanDuration(Duration.ofMinutes(7))).isEqualTo("7m");
    assertThat(Tables.humanDuration(Duration.ofMinutes(150))).isEqualTo("150m");
    assertThat(Tables.humanDuration(Duration.ofMinutes(200))).isEqualTo("3h20m");
    assertThat(Tables.humanDuration(Duration.ofHours(30))).isEqualTo("30h");
    assertThat(Tables.humanDuration(Duration.ofHours(52))).isEqualTo("2d4h");
    assertThat(Tables.humanDuration(Duration.ofDays(400))).isEqualTo("400d");
    assertThat(Tables.humanDuration(Duration.ofDays(365 * 3 + 10))).isEqualTo("3y10d");
    assertThat(Tables.humanDuration(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
  }
}
