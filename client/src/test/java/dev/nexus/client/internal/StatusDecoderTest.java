package dev.nexus.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusDecoderTest {
  @Test
  void statusBodyBecomesTheSameException() {
    String body =
        """
        {"kind":"Status","apiVersion":"v1","status":"Failure","code":422,"reason":"Invalid",
         "message":"Workload \\"web\\" is invalid: spec.replicas: must be >= 0",
         "details":{"name":"web","kind":"Workload",
           "causes":[{"field":"spec.replicas","message":"must be >= 0","reason":"FieldValueInvalid"}]}}
        """;
    ApiException e = StatusDecoder.exception(422, body.getBytes(StandardCharsets.UTF_8));
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo("Invalid");
    assertThat(e.getMessage())
        .isEqualTo("Workload \"web\" is invalid: spec.replicas: must be >= 0");
    assertThat(e.status().causes())
        .containsExactly(new Status.Cause("spec.replicas", "must be >= 0", "FieldValueInvalid"));
    assertThat(e.status().details().name()).isEqualTo("web");
  }

  @Test
  void plainTextOrEmptyBodiesStillGiveAReadableError() {
    ApiException text = StatusDecoder.exception(404, "Not Found".getBytes(StandardCharsets.UTF_8));
    assertThat(text.reason()).isEqualTo("NotFound");
    assertThat(text.getMessage()).isEqualTo("Not Found");

    ApiException empty = StatusDecoder.exception(502, new byte[0]);
    assertThat(empty.code()).isEqualTo(502);
    assertThat(empty.getMessage()).isEqualTo("the server answered HTTP 502");
  }
}
