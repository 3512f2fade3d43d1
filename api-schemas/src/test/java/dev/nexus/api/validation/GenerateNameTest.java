package dev.nexus.api.validation;

import static dev.nexus.api.validation.Fixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code metadata.generateName}: a name prefix a client may send, checked like a name. */
class GenerateNameTest {
  private static final ObjectValidator VALIDATOR = new ObjectValidator();

  private static List<Status.Cause> validate(String generateName) {
    ObjectNode o = workload();
    ((ObjectNode) o.get("metadata")).put("generateName", generateName);
    return VALIDATOR.validate(BuiltinKinds.WORKLOAD, o);
  }

  @ParameterizedTest
  @ValueSource(strings = {"web-", "web", "w", "web.example-", "a1-b2-", "9-"})
  void aDns1123SubdomainPrefixIsAccepted(String prefix) {
    assertThat(validate(prefix)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Web-", "-web", "web--x_", "web..x-", ".web-", "web.-", "web_", ""})
  void anythingElseIsRefusedNamingTheFieldAndTheRule(String prefix) {
    assertThat(validate(prefix))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("metadata.generateName");
              assertThat(c.message()).contains("DNS-1123 subdomain prefix");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {253, 254})
  void itIsAtMost253Characters(int length) {
    List<Status.Cause> causes = validate("w".repeat(length - 1) + "-");
    if (length <= 253) {
      assertThat(causes).isEmpty();
    } else {
      assertThat(causes)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.field()).isEqualTo("metadata.generateName");
                assertThat(c.message()).contains("253");
              });
    }
  }
}
