package dev.nexus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlagValuesTest {
  @Test
  void electionTimeoutRangesInMillisecondsOrWithUnits() {
    assertThat(FlagValues.durationRange("--election-timeout", "500-1000"))
        .isEqualTo(new FlagValues.Range(Duration.ofMillis(500), Duration.ofMillis(1000)));
    assertThat(FlagValues.durationRange("--election-timeout", "300ms-2s"))
        .isEqualTo(new FlagValues.Range(Duration.ofMillis(300), Duration.ofSeconds(2)));
  }

  @Test
  void badRangesNameTheFlagAndTheRule() {
    assertThatThrownBy(() -> FlagValues.durationRange("--election-timeout", "500"))
        .hasMessage(
            "--election-timeout: must be MIN-MAX in milliseconds (e.g. 500-1000 or 500ms-1s),"
                + " was 500");
    assertThatThrownBy(() -> FlagValues.durationRange("--election-timeout", "1000-500"))
        .hasMessage("--election-timeout: MAX must be greater than MIN, was 1000-500");
    assertThatThrownBy(() -> FlagValues.durationRange("--election-timeout", "0-5"))
        .hasMessageContaining("must be MIN-MAX");
  }

  @Test
  void byteSizesWithBinaryUnits() {
    assertThat(FlagValues.bytes("--snapshot-every-bytes", "64MiB")).isEqualTo(64L << 20);
    assertThat(FlagValues.bytes("--snapshot-every-bytes", "512K")).isEqualTo(512L << 10);
    assertThat(FlagValues.bytes("--snapshot-every-bytes", "1000")).isEqualTo(1000);
    assertThatThrownBy(() -> FlagValues.bytes("--snapshot-every-bytes", "64 megs"))
        .hasMessage(
            "--snapshot-every-bytes: must be a size such as 67108864, 64MiB or 512KiB, was 64 megs");
  }
}
