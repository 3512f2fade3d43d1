package dev.nexus.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import org.junit.jupiter.api.Test;

class UpdateRulesTest {
  private static final ObjectRef WEB = new ObjectRef(BuiltinKinds.WORKLOAD, "default", "web");

  private static ObjectNode obj(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json.replace('\'', '"'));
  }

  private static ObjectNode current() throws Exception {
    return obj(
        "{'apiVersion':'nexus.dev/v1','kind':'Workload','metadata':{'name':'web','namespace':'default',"
            + "'uid':'u1','creationTimestamp':'2026-01-01T00:00:00Z','generation':3,'resourceVersion':'10'},"
            + "'spec':{'replicas':1},'status':{'readyReplicas':1}}");
  }

  @Test
  void mainKeepsServerFieldsAndStatusAndBumpsGenerationOnSpecChange() throws Exception {
    ObjectNode proposed =
        obj(
            "{'apiVersion':'nexus.dev/v1','kind':'Workload','metadata':{'name':'web','uid':'x',"
                + "'generation':99,'labels':{'a':'b'}},'spec':{'replicas':2},'status':{'readyReplicas':9}}");
    ObjectNode next = UpdateRules.main(BuiltinKinds.WORKLOAD, WEB, current(), proposed);
    assertThat(next.path("metadata").path("uid").asText()).isEqualTo("u1");
    assertThat(next.path("metadata").path("namespace").asText()).isEqualTo("default");
    assertThat(next.path("metadata").path("generation").asLong()).isEqualTo(4);
    assertThat(next.path("metadata").path("labels").path("a").asText()).isEqualTo("b");
    assertThat(next.path("status").path("readyReplicas").asInt()).isEqualTo(1);
  }

  @Test
  void generationStaysWhenSpecIsUnchanged() throws Exception {
    ObjectNode proposed = current();
    ((ObjectNode) proposed.get("metadata")).putObject("labels").put("x", "y");
    ObjectNode next = UpdateRules.main(BuiltinKinds.WORKLOAD, WEB, current(), proposed);
    assertThat(next.path("metadata").path("generation").asLong()).isEqualTo(3);
  }

  @Test
  void statusTakesOnlyStatus() throws Exception {
    ObjectNode proposed = current();
    ((ObjectNode) proposed.get("spec")).put("replicas", 50);
    ((ObjectNode) proposed.get("status")).put("readyReplicas", 7);
    ObjectNode next = UpdateRules.status(WEB, current(), proposed);
    assertThat(next.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(next.path("status").path("readyReplicas").asInt()).isEqualTo(7);
  }

  @Test
  void scaleSetsReplicasAndBumpsGeneration() throws Exception {
    ObjectNode next = UpdateRules.scale(current(), 5);
    assertThat(next.path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(next.path("metadata").path("generation").asLong()).isEqualTo(4);
    assertThat(ScaleView.of(next).path("spec").path("replicas").asInt()).isEqualTo(5);
  }

  @Test
  void theUrlNamesTheObject() throws Exception {
    ObjectNode renamed = current();
    ((ObjectNode) renamed.get("metadata")).put("name", "other");
    assertThatThrownBy(() -> UpdateRules.main(BuiltinKinds.WORKLOAD, WEB, current(), renamed))
        .hasMessageContaining("metadata.name");
    ObjectNode moved = current();
    ((ObjectNode) moved.get("metadata")).put("namespace", "prod");
    assertThatThrownBy(() -> UpdateRules.main(BuiltinKinds.WORKLOAD, WEB, current(), moved))
        .hasMessageContaining("metadata.namespace");
  }

  @Test
  void numbersCompareByValueWhenDetectingNoOps() throws Exception {
    ObjectNode a = obj("{'metadata':{'generation':1}}");
    ObjectNode b = obj("{'metadata':{}}");
    ((ObjectNode) b.get("metadata")).put("generation", 1L);
    assertThat(StoredObjects.same(a, b)).isTrue();
    assertThat(StoredObjects.same(a, obj("{'metadata':{'generation':2}}"))).isFalse();
  }
}
