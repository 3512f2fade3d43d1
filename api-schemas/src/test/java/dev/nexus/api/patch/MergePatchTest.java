package dev.nexus.api.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {
  static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  /** RFC 7386, Appendix A: target, patch, result. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":\"b\"}|{\"a\":\"c\"}|{\"a\":\"c\"}",
        "{\"a\":\"b\"}|{\"b\":\"c\"}|{\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}|{\"a\":null}|{}",
        "{\"a\":\"b\",\"b\":\"c\"}|{\"a\":null}|{\"b\":\"c\"}",
        "{\"a\":[\"b\"]}|{\"a\":\"c\"}|{\"a\":\"c\"}",
        "{\"a\":\"c\"}|{\"a\":[\"b\"]}|{\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}|{\"a\":{\"b\":\"d\",\"c\":null}}|{\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}|{\"a\":[1]}|{\"a\":[1]}",
        "[\"a\",\"b\"]|[\"c\",\"d\"]|[\"c\",\"d\"]",
        "{\"a\":\"b\"}|[\"c\"]|[\"c\"]",
        "{\"a\":\"foo\"}|null|null",
        "{\"a\":\"foo\"}|\"bar\"|\"bar\"",
        "{\"e\":null}|{\"a\":1}|{\"e\":null,\"a\":1}",
        "[1,2]|{\"a\":\"b\",\"c\":null}|{\"a\":\"b\"}",
        "{}|{\"a\":{\"bb\":{\"ccc\":null}}}|{\"a\":{\"bb\":{}}}",
      })
  void rfc7386Examples(String target, String patch, String result) {
    JsonNode t = json(target);
    JsonNode p = json(patch);
    JsonNode tCopy = t.deepCopy();
    JsonNode pCopy = p.deepCopy();
    assertThat(MergePatch.apply(t, p)).isEqualTo(json(result));
    assertThat(t).as("target untouched").isEqualTo(tCopy);
    assertThat(p).as("patch untouched").isEqualTo(pCopy);
  }

  @Test
  void diffProducesTheMinimalPatch() {
    JsonNode from = json("{\"spec\":{\"replicas\":3,\"image\":\"a\",\"ports\":[1]},\"x\":1}");
    JsonNode to = json("{\"spec\":{\"replicas\":3,\"image\":\"b\",\"ports\":[1,2]},\"y\":2}");
    assertThat(MergePatch.diff(from, to))
        .isEqualTo(json("{\"x\":null,\"spec\":{\"image\":\"b\",\"ports\":[1,2]},\"y\":2}"));
    assertThat(MergePatch.diff(from, from)).isEqualTo(json("{}"));
    assertThat(MergePatch.isEmpty(MergePatch.diff(from, from.deepCopy()))).isTrue();
  }

  @Test
  void aResultSharesNoNodesWithItsInputs() {
    JsonNode target = json("{\"a\":{\"b\":1}}");
    JsonNode patch = json("{\"c\":{\"d\":2}}");
    var result = (com.fasterxml.jackson.databind.node.ObjectNode) MergePatch.apply(target, patch);
    result.withObject("/a").put("b", 99);
    result.withObject("/c").put("d", 99);
    assertThat(target).isEqualTo(json("{\"a\":{\"b\":1}}"));
    assertThat(patch).isEqualTo(json("{\"c\":{\"d\":2}}"));
  }
}
