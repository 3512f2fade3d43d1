package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.model.ApiObject;
import org.junit.jupiter.api.Test;

class RolloutSpecTest {
  private static ApiObject workload(String spec) throws Exception {
    ObjectNode n =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Workload\",\"metadata\":{\"name\":\"w\","
                    + "\"namespace\":\"d\"},\"spec\":"
                    + spec
                    + "}");
    return new ApiObject(n);
  }

  @Test
  void defaultsAreOneReplicaAnd25PercentRoundedKubernetesStyle() throws Exception {
    RolloutSpec s = RolloutSpec.of(workload("{\"template\":{\"spec\":{\"runtime\":\"process\"}}}"));
    assertThat(s.replicas()).isEqualTo(1);
    assertThat(s.maxSurge()).as("25%% of 1 rounds up").isEqualTo(1);
    assertThat(s.maxUnavailable()).as("25%% of 1 rounds down").isZero();
    assertThat(s.recreate()).isFalse();
  }

  @Test
  void percentagesAndIntegers() throws Exception {
    RolloutSpec s =
        RolloutSpec.of(
            workload(
                "{\"replicas\":10,\"strategy\":{\"rollingUpdate\":{\"maxSurge\":\"35%\","
                    + "\"maxUnavailable\":2}},\"template\":{\"spec\":{}}}"));
    assertThat(s.maxSurge()).isEqualTo(4);
    assertThat(s.maxUnavailable()).isEqualTo(2);
    assertThat(s.minAvailable()).isEqualTo(8);
  }

  @Test
  void bothZeroAllowsOneUnavailableSoARolloutCanStart() throws Exception {
    RolloutSpec s =
        RolloutSpec.of(
            workload(
                "{\"replicas\":3,\"strategy\":{\"rollingUpdate\":{\"maxSurge\":0,"
                    + "\"maxUnavailable\":\"0%\"}},\"template\":{\"spec\":{}}}"));
    assertThat(s.maxUnavailable()).isEqualTo(1);
  }

  @Test
  void aBadValueNamesTheField() throws Exception {
    assertThatThrownBy(
            () ->
                RolloutSpec.of(
                    workload(
                        "{\"strategy\":{\"rollingUpdate\":{\"maxSurge\":\"lots\"}},"
                            + "\"template\":{\"spec\":{}}}")))
        .hasMessageContaining("spec.strategy.rollingUpdate.maxSurge")
        .hasMessageContaining("percentage");
  }

  @Test
  void recreateStrategy() throws Exception {
    assertThat(
            RolloutSpec.of(
                    workload("{\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"spec\":{}}}"))
                .recreate())
        .isTrue();
  }
}
