package dev.nexus.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.error.ApiException;
import dev.nexus.client.ConflictException;
import dev.nexus.client.GoneException;
import dev.nexus.client.InvalidException;
import dev.nexus.client.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each refusal code becomes the exception a caller catches for it, still an ApiException. */
class ExceptionMappingTest {
  private static ApiException decode(int code, String reason, String extra) {
    String body =
        "{\"kind\":\"Status\",\"code\":"
            + code
            + ",\"reason\":\""
            + reason
            + "\",\"message\":\"m\""
            + extra
            + "}";
    return StatusDecoder.exception(code, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void notFoundIs404() {
    assertThat(decode(404, "NotFound", "")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void conflictTellsStaleVersionFromAlreadyExists() {
    ApiException stale = decode(409, "Conflict", "");
    ApiException exists = decode(409, "AlreadyExists", "");
    assertThat(stale).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) stale).alreadyExists()).isFalse();
    assertThat(((ConflictException) exists).alreadyExists()).isTrue();
  }

  @Test
  void invalidCarriesFieldCausesInOrder() {
    ApiException e =
        decode(
            422,
            "Invalid",
            ",\"details\":{\"causes\":["
                + "{\"field\":\"spec.replicas\",\"message\":\"must be >= 0\",\"reason\":\"FieldValueInvalid\"},"
                + "{\"field\":\"metadata.name\",\"message\":\"Required value\"}]}");
    assertThat(e).isInstanceOf(InvalidException.class);
    assertThat(((InvalidException) e).causes())
        .containsExactly(
            new InvalidException.FieldCause("spec.replicas", "must be >= 0", "FieldValueInvalid"),
            new InvalidException.FieldCause("metadata.name", "Required value", null));
  }

  @Test
  void badRequestIsInvalidWithNoCauses() {
    ApiException e = decode(400, "BadRequest", "");
    assertThat(e).isInstanceOf(InvalidException.class);
    assertThat(((InvalidException) e).causes()).isEmpty();
  }

  @Test
  void goneIs410EvenWithoutAStatusBody() {
    assertThat(decode(410, "Expired", "")).isInstanceOf(GoneException.class);
    assertThat(StatusDecoder.exception(410, new byte[0]))
        .isInstanceOf(GoneException.class)
        .satisfies(e -> assertThat(e.reason()).isEqualTo("Expired"));
  }

  @Test
  void otherCodesStayPlainApiExceptions() {
    ApiException e = decode(403, "Forbidden", "");
    assertThat(e.getClass()).isEqualTo(ApiException.class);
    assertThat(e.code()).isEqualTo(403);
  }
}
