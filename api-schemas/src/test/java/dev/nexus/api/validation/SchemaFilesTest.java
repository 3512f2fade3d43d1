package dev.nexus.api.validation;

import static dev.nexus.api.validation.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files themselves: well-formed, complete, and in step with BuiltinKinds. */
class SchemaFilesTest {
  private static final ObjectValidator VALIDATOR = new ObjectValidator();

  /** The smallest valid object of each kind: what a user (or controller) must at least write. */
  private static final Map<String, String> MINIMAL =
      Map.ofEntries(
          Map.entry("Namespace", "metadata: {name: demo}"),
          Map.entry("Node", "metadata: {name: node-1}"),
          Map.entry("Lease", "metadata: {name: node-1, namespace: nexus-node-lease}"),
          Map.entry(
              "Workload",
              "metadata: {name: w, namespace: d}\n"
                  + "spec: {template: {metadata: {labels: {a: b}}, spec: {runtime: process,"
                  + " command: [sleep, '1']}}}"),
          Map.entry(
              "Instance",
              "metadata: {name: i, namespace: d}\n"
                  + "spec: {runtime: container, image: busybox, nodeName: n1}"),
          Map.entry("Service", "metadata: {name: s, namespace: d}\nspec: {ports: [{port: 80}]}"),
          Map.entry("ServiceEndpoints", "metadata: {name: s, namespace: d}"),
          Map.entry("Policy", "metadata: {name: p, namespace: d}\nspec: {}"),
          Map.entry(
              "Autoscaler",
              "metadata: {name: a, namespace: d}\nspec: {targetRef: {name: w}, maxReplicas: 3}"),
          Map.entry(
              "CustomResourceDefinition",
              "metadata: {name: widgets.example.com}\n"
                  + "spec: {group: example.com, names: {kind: Widget, plural: widgets}, scope:"
                  + " Namespaced, versions: [{name: v1, served: true, storage: true}]}"),
          Map.entry(
              "Event",
              "metadata: {name: e1, namespace: d}\n"
                  + "involvedObject: {kind: Instance, name: i}\nreason: Scheduled"));

  static Stream<KindInfo> kinds() {
    return BuiltinKinds.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyKindHasAWellFormedSchemaNamingIt(KindInfo kind) throws IOException {
    JsonNode schema = read(kind.schemaResource());
    assertThat(VALIDATOR.checkSchema("", schema)).isEmpty();
    assertThat(schema.at("/properties/kind/const").asText()).isEqualTo(kind.kind());
    assertThat(schema.at("/additionalProperties").asBoolean(true))
        .as("top-level typos must be caught")
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theMinimalObjectOfEveryKindIsValid(KindInfo kind) {
    ObjectNode o =
        yaml("apiVersion: nexus.dev/v1\nkind: " + kind.kind() + "\n" + MINIMAL.get(kind.kind()));
    assertThat(VALIDATOR.validate(kind, o)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyKindRejectsAnObjectWithoutMetadata(KindInfo kind) {
    ObjectNode o = yaml("{apiVersion: nexus.dev/v1, kind: " + kind.kind() + "}");
    assertThat(VALIDATOR.validate(kind, o)).extracting(c -> c.field()).contains("metadata");
  }

  @Test
  void theSharedDefinitionsAreWellFormed() throws IOException {
    assertThat(VALIDATOR.checkSchema("", read("/schemas/common.json"))).isEmpty();
  }

  @Test
  void anInstanceSpecHasEveryFieldOfATemplateSpec() throws IOException {
    JsonNode defs = read("/schemas/common.json").get("$defs");
    List<String> template = names(defs.at("/InstanceTemplateSpec/properties"));
    List<String> instance = names(defs.at("/InstanceSpec/properties"));
    assertThat(instance).containsAll(template);
    for (String field : template) {
      assertThat(withoutDescription(defs.at("/InstanceSpec/properties/" + field)))
          .as(field)
          .isEqualTo(withoutDescription(defs.at("/InstanceTemplateSpec/properties/" + field)));
    }
    assertThat(instance).contains("nodeName", "placement");
  }

  private static JsonNode withoutDescription(JsonNode node) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.remove("description");
    return copy;
  }

  private static List<String> names(JsonNode properties) {
    List<String> out = new ArrayList<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = SchemaFilesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Json.MAPPER.readTree(in);
    }
  }
}
