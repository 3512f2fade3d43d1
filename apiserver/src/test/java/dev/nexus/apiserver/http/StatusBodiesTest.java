package dev.nexus.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBodiesTest {
  @Test
  void theShapeKubectlParses() {
    var e =
        ApiException.invalid(
            "Workload",
            "web",
            List.of(new Status.Cause("spec.replicas", "must be >= 0", "FieldValueInvalid")));
    assertThat(StatusBodies.toJson(e.status()).toString())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Workload \\\"web\\\" is invalid: spec.replicas: must be >= 0\","
                + "\"reason\":\"Invalid\",\"details\":{\"name\":\"web\",\"kind\":\"Workload\","
                + "\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":\"must be >= 0\","
                + "\"field\":\"spec.replicas\"}]},\"code\":422}");
  }

  @Test
  void unexpectedFailuresBecomeAShort500WithoutDetails() {
    Status s = ErrorMapping.status(new IllegalStateException("secret internals"));
    assertThat(s.code()).isEqualTo(500);
    assertThat(s.reason()).isEqualTo("InternalError");
    assertThat(s.message()).doesNotContain("secret internals").contains("IllegalStateException");
  }
}
