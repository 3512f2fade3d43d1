package dev.nexus.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonAndYamlObjectsParse() {
    assertThat(RequestBodies.parse(Json.MAPPER, b("{\"a\": 1}")).path("a").asInt()).isEqualTo(1);
    assertThat(RequestBodies.parse(Json.YAML, b("a: 1\nb: [x]\n")).path("b").get(0).asText())
        .isEqualTo("x");
  }

  @Test
  void malformedInputNamesTheFormatAndLine() {
    assertThatThrownBy(() -> RequestBodies.parse(Json.MAPPER, b("{\n\"a\": }")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageStartingWith("malformed JSON body (line 2");
    assertThatThrownBy(() -> RequestBodies.parse(Json.YAML, b("a: [1,\nb: c: d")))
        .hasMessageStartingWith("malformed YAML body");
  }

  @Test
  void onlyOneObjectIsAccepted() {
    assertThatThrownBy(() -> RequestBodies.parse(Json.YAML, b("a: 1\n---\nb: 2\n")))
        .hasMessageContaining("more than one YAML document");
    assertThatThrownBy(() -> RequestBodies.parse(Json.MAPPER, b("[{\"a\":1}]")))
        .hasMessageContaining("must be a JSON object, found array");
    assertThatThrownBy(() -> RequestBodies.parse(Json.YAML, b("just text")))
        .hasMessageContaining("must be a YAML object, found string");
    assertThatThrownBy(() -> RequestBodies.parse(Json.MAPPER, b("{\"a\":1,\"a\":2}")))
        .hasMessageContaining("Duplicate field 'a'");
  }
}
