package dev.nexus.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {
  private static final Map<String, String> WEB = Map.of("app", "web", "env", "prod", "tier", "1");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web|true",
        "app==web|true",
        "app!=web|false",
        "app!=api|true",
        "missing!=x|true",
        "app in (web,api)|true",
        "app in (api)|false",
        "app notin (api, db)|true",
        "missing notin (x)|true",
        "app|true",
        "missing|false",
        "!missing|true",
        "!app|false",
        "app=web,env=prod|true",
        "app=web,env=dev|false",
        "  app = web , env in ( prod ) |true",
        "''|true",
      })
  void matches(String selector, boolean expected) {
    String s = selector.equals("''") ? "" : selector;
    assertThat(LabelSelector.parse(s).matches(WEB)).as(s).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app=web",
        "app!=web",
        "app in (api,web)",
        "app notin (x)",
        "app",
        "!app",
        "a=,b in (x,y),c,!d,nexus.dev/role!=db",
        ""
      })
  void toStringRoundTrips(String selector) {
    LabelSelector parsed = LabelSelector.parse(selector);
    assertThat(LabelSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  @Test
  void printsCanonically() {
    assertThat(LabelSelector.parse("z==1, app in (b, a), !x").toString())
        .isEqualTo("app in (a,b),!x,z=1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app in web|expected '(' after 'in', found 'w'",
        "app in (web|expected ',' or ')' in the value list of 'app', found the end",
        "app in ()|'in' needs at least one value",
        "app=web,|expected a label key",
        "app!web|expected '=' after '!' following key 'app'",
        "app foo|expected '=', '==', '!=', 'in' or 'notin' after key 'app', found 'foo'",
        "App Name=x|expected '=', '==', '!=', 'in' or 'notin' after key 'App', found 'Name'",
        "-app=x|key '-app' must start and end with a letter or digit",
        "app=a/b|value 'a/b' must consist of letters",
        "app=web)|expected ',' between requirements, found ')'",
      })
  void parseErrorsNameTheBadPart(String selector, String detail) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid label selector \"" + selector + "\": ")
        .hasMessageContaining(detail);
  }

  @Test
  void objectFormMatchesLikeTheStringForm() throws Exception {
    JsonNode json =
        Json.YAML.readTree(
            """
            matchLabels: {app: web}
            matchExpressions:
              - {key: env, operator: In, values: [prod, staging]}
              - {key: canary, operator: DoesNotExist}
              - {key: tier, operator: Exists}
              - {key: zone, operator: NotIn, values: [b]}
            """);
    LabelSelector s = LabelSelector.fromJson(json);
    assertThat(s)
        .isEqualTo(
            LabelSelector.parse("app=web,env in (prod,staging),!canary,tier,zone notin (b)"));
    assertThat(s.matches(WEB)).isTrue();
    assertThat(s.matches(Map.of("app", "web", "env", "prod", "tier", "1", "canary", "y")))
        .isFalse();
    assertThat(LabelSelector.fromJson(s.toJson())).isEqualTo(s);
  }

  @Test
  void plainMapsAndNullsAreAccepted() throws Exception {
    assertThat(LabelSelector.fromJson(Json.MAPPER.readTree("{\"app\":\"web\"}")))
        .isEqualTo(LabelSelector.fromMap(Map.of("app", "web")));
    assertThat(LabelSelector.fromJson(null).isEmpty()).isTrue();
    assertThat(LabelSelector.fromJson(Json.MAPPER.readTree("{}")).matches(Map.of())).isTrue();
  }

  @Test
  void objectFormErrorsNameTheEntry() throws Exception {
    assertThatThrownBy(
            () ->
                LabelSelector.fromJson(
                    Json.MAPPER.readTree(
                        "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\"}]}")))
        .hasMessage("matchExpressions[0]: operator In on key 'a' needs at least one value");
    assertThatThrownBy(
            () ->
                LabelSelector.fromJson(
                    Json.MAPPER.readTree(
                        "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Is\"}]}")))
        .hasMessageContaining("unknown operator 'Is'");
    assertThatThrownBy(
            () -> LabelSelector.fromJson(Json.MAPPER.readTree("{\"matchLabels\":{\"a\":\"b c\"}}")))
        .hasMessageContaining("value 'b c' of label 'a'");
  }

  @Test
  void pinnedValuesAllowIndexLookups() {
    LabelSelector s = LabelSelector.parse("app=web,env in (prod),tier in (1,2)");
    assertThat(s.pinned("app")).contains("web");
    assertThat(s.pinned("env")).contains("prod");
    assertThat(s.pinned("tier")).isEmpty();
  }
}
