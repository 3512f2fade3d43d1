package dev.nexus.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Consistency;
import io.helidon.common.uri.UriQuery;
import org.junit.jupiter.api.Test;

class NegotiationAndQueryTest {
  private static QueryParams q(String query) {
    return new QueryParams(UriQuery.create(query));
  }

  @Test
  void listParametersAreParsed() {
    var o = q("labelSelector=app%3Dweb&limit=5&continue=abc&resourceVersion=0").listOptions();
    assertThat(o.labelSelector()).isEqualTo("app=web");
    assertThat(o.limit()).isEqualTo(5);
    assertThat(o.continueToken()).isEqualTo("abc");
    assertThat(o.consistency()).isEqualTo(Consistency.LOCAL);
    assertThat(q("").listOptions().consistency()).isEqualTo(Consistency.LINEARIZABLE);
  }

  @Test
  void watchFlagsAcceptKubernetesSpellings() {
    assertThat(q("watch=true").watch()).isTrue();
    assertThat(q("watch=1").watch()).isTrue();
    assertThat(q("watch=false").watch()).isFalse();
    assertThat(q("").watch()).isFalse();
    assertThat(q("resourceVersion=12&sendInitialEvents=true").watchOptions(10).startsWithState())
        .isTrue();
    assertThat(q("resourceVersion=12").watchOptions(10).startsWithState()).isFalse();
  }

  @Test
  void badValuesNameTheParameter() {
    for (String bad :
        new String[] {"limit=-1", "resourceVersion=abc", "watch=yes", "timeoutSeconds=-3"}) {
      assertThatThrownBy(
              () -> {
                QueryParams p = q(bad);
                p.watch();
                p.timeout();
                p.listOptions();
              })
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
          .hasMessageStartingWith(bad.substring(0, bad.indexOf('=')) + ":");
    }
  }
}
