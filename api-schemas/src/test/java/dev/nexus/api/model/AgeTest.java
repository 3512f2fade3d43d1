package dev.nexus.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgeTest {
  @Test
  void agesReadLikeKubectl() {
    assertThat(Age.format(Duration.ofSeconds(0))).isEqualTo("0s");
    assertThat(Age.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Age.format(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(Age.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Age.format(Duration.ofSeconds(5 * 60 + 30))).isEqualTo("5m30s");
    assertThat(Age.format(Duration.ofMinutes(42))).isEqualTo("42m");
    assertThat(Age.format(Duration.ofMinutes(3 * 60 + 20))).isEqualTo("3h20m");
    assertThat(Age.format(Duration.ofHours(20))).isEqualTo("20h");
    assertThat(Age.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(Age.format(Duration.ofHours(2 * 24 + 4))).isEqualTo("2d4h");
    assertThat(Age.format(Duration.ofDays(100))).isEqualTo("100d");
    assertThat(Age.format(Duration.ofDays(3 * 365 + 10))).isEqualTo("3y10d");
    assertThat(Age.format(Duration.ofDays(9 * 365))).isEqualTo("9y");
  }

  @Test
  void clockSkewAndBadTimestamps() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    assertThat(Age.since("2026-11-27T12:00:01Z", now)).isEqualTo("0s");
    assertThat(Age.since("2026-11-27T12:05:00Z", now)).isEqualTo("<invalid>");
    assertThat(Age.since("2026-11-27T11:55:00Z", now)).isEqualTo("5m");
    assertThat(Age.since(null, now)).isEqualTo("<unknown>");
    assertThat(Age.since("yesterday", now)).isEqualTo("<unknown>");
  }
}
