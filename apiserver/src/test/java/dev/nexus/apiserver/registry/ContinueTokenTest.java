package dev.nexus.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ContinueTokenTest {
  private static final String PREFIX = "/registry/nexus.dev/workloads/default/";

  @Property
  void roundTrips(
      @ForAll @StringLength(max = 60) String name, @ForAll @LongRange(min = 0) long revision) {
    ContinueToken t = new ContinueToken(PREFIX + name, revision);
    assertThat(ContinueToken.decode(t.encode(), PREFIX)).isEqualTo(t);
    assertThat(t.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void tokensForAnotherListOrGarbageAre400() {
    String token = new ContinueToken(PREFIX + "web", 7).encode();
    assertThatThrownBy(() -> ContinueToken.decode(token, "/registry/nexus.dev/workloads/prod/"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("different list");
    for (String bad : new String[] {"%%%", "e30", "bm90IGpzb24"}) {
      assertThatThrownBy(() -> ContinueToken.decode(bad, PREFIX))
          .isInstanceOf(ApiException.class)
          .hasMessageStartingWith("continue:");
    }
  }
}
