package dev.nexus.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {
  private static ObjectNode instance(String nodeName) throws Exception {
    ObjectNode o =
        (ObjectNode)
            Json.YAML.readTree(
                """
                apiVersion: nexus.dev/v1
                kind: Instance
                metadata: {name: web-1, namespace: demo}
                spec: {runtime: process, command: [x]}
                status: {phase: Running, restarts: 2, ready: true}
                """);
    if (nodeName != null) {
      o.with("spec").put("nodeName", nodeName);
    }
    return o;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata.name=web-1|true",
        "metadata.name==web-1|true",
        "metadata.name!=web-1|false",
        "metadata.namespace=demo,spec.nodeName=n1|true",
        "metadata.namespace=demo,spec.nodeName=n2|false",
        "spec.nodeName!=|true",
        "status.phase=Running|true",
        "status.restarts=2|true",
        "status.ready=true|true",
        "spec.command=x|false",
        "spec.command!=x|true",
        "spec.missing.deeper=|true",
      })
  void matches(String selector, boolean expected) throws Exception {
    assertThat(FieldSelector.parse(selector).matches(instance("n1")))
        .as(selector)
        .isEqualTo(expected);
  }

  @Test
  void anEmptyValueFindsUnscheduledInstances() throws Exception {
    FieldSelector unscheduled = FieldSelector.parse("spec.nodeName=");
    assertThat(unscheduled.matches(instance(null))).isTrue();
    assertThat(unscheduled.matches(instance("n1"))).isFalse();
  }

  @Test
  void pinsNameAndNamespace() {
    FieldSelector s =
        FieldSelector.parse("metadata.namespace=demo,metadata.name!=x,spec.nodeName=n1");
    assertThat(s.pinnedNamespace()).contains("demo");
    assertThat(s.pinnedName()).isEmpty();
    assertThat(s.pinned("spec.nodeName")).contains("n1");
    assertThat(s.paths()).containsExactly("metadata.namespace", "metadata.name", "spec.nodeName");
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
  }

  @Test
  void escapesRoundTrip() throws Exception {
    FieldSelector s = FieldSelector.parse("metadata.name=a\\,b\\=c");
    assertThat(s.pinnedName()).contains("a,b=c");
    assertThat(FieldSelector.parse(s.toString())).isEqualTo(s);
    assertThat(FieldSelector.parse("metadata.name==x,spec.nodeName!=y").toString())
        .isEqualTo("metadata.name=x,spec.nodeName!=y");
  }

  @Test
  void parseErrorsNameTheTerm() {
    assertThatThrownBy(() -> FieldSelector.parse("metadata.name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid field selector \"metadata.name\": 'metadata.name' has no '=', '==' or '!='");
    assertThatThrownBy(() -> FieldSelector.parse("metadata..name=x"))
        .hasMessageContaining("'metadata..name' is not a field path");
    assertThatThrownBy(() -> FieldSelector.parse("=x"))
        .hasMessageContaining("'' is not a field path");
  }
}
