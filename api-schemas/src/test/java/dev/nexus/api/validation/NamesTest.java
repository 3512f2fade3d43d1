package dev.nexus.api.validation;

import static dev.nexus.api.validation.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"web", "web-1", "a", "1a", "web.v2", "a.b.c", "x0-y.z9"})
  void validSubdomains(String name) {
    assertThat(Names.subdomainViolation(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Web|must consist of lowercase letters, digits, '-' and '.' (found 'W')",
        "web_1|must consist of lowercase letters, digits, '-' and '.' (found '_')",
        "a b|must consist of lowercase letters, digits, '-' and '.' (found a space)",
        "a..b|must not contain '..'",
        "-web|must start and end with a lowercase letter or digit",
        "web-|must start and end with a lowercase letter or digit",
        "a.-b|must start and end with a lowercase letter or digit, as must every part between dots",
        ".a|must start and end with a lowercase letter or digit, as must every part between dots",
      })
  void invalidSubdomainsNameTheRule(String name, String rule) {
    assertThat(Names.subdomainViolation(name)).contains(rule);
  }

  @Test
  void lengthLimits() {
    assertThat(Names.subdomainViolation("a".repeat(253))).isEmpty();
    assertThat(Names.subdomainViolation("a".repeat(254)))
        .contains("must be at most 253 characters (is 254)");
    assertThat(Names.labelViolation("a".repeat(63))).isEmpty();
    assertThat(Names.labelViolation("a".repeat(64)))
        .contains("must be at most 63 characters (is 64)");
    assertThat(Names.subdomainViolation("")).contains("must not be empty");
  }

  @Test
  void labelsHaveNoDots() {
    assertThat(Names.labelViolation("a.b"))
        .contains("must consist of lowercase letters, digits and '-' (found '.')");
    assertThat(Names.dns1035LabelViolation("1web")).contains("must start with a lowercase letter");
    assertThat(Names.dns1035LabelViolation("web1")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "App_Name", "nexus.dev/role", "a.b/c-d.E_f", "x"})
  void validLabelKeys(String key) {
    assertThat(Names.qualifiedNameViolation(key)).isEmpty();
  }

  @Test
  void invalidLabelKeys() {
    assertThat(Names.qualifiedNameViolation("Nexus.dev/role"))
        .contains(
            "prefix 'Nexus.dev' must consist of lowercase letters, digits, '-' and '.' (found"
                + " 'N')");
    assertThat(Names.qualifiedNameViolation("a/b/c")).contains("must contain at most one '/'");
    assertThat(Names.qualifiedNameViolation("nexus.dev/"))
        .contains("must have a name after the prefix");
    assertThat(Names.qualifiedNameViolation("-app"))
        .contains("must start and end with a letter or digit");
    assertThat(Names.qualifiedNameViolation("x/" + "a".repeat(64)))
        .contains("name part '" + "a".repeat(64) + "' must be at most 63 characters (is 64)");
  }

  @Test
  void labelValuesMayBeEmpty() {
    assertThat(Names.labelValueViolation("")).isEmpty();
    assertThat(Names.labelValueViolation("v1.2_beta-3")).isEmpty();
    assertThat(Names.labelValueViolation("a/b"))
        .contains("must consist of letters, digits, '-', '_' and '.' (found '/')");
  }

  @Test
  void namespacesAreLabelsAndServicesDns1035() {
    assertThat(Names.nameViolation(BuiltinKinds.NAMESPACE, "a.b")).isPresent();
    assertThat(Names.nameViolation(BuiltinKinds.WORKLOAD, "a.b")).isEmpty();
    assertThat(Names.nameViolation(BuiltinKinds.SERVICE, "9svc")).isPresent();
  }

  @Test
  void validateMetadataChecksEverything() {
    var o =
        yaml(
            """
            apiVersion: nexus.dev/v1
            kind: Workload
            metadata:
              name: web
              namespace: Demo
              labels: {"bad key": x, ok: "-"}
              annotations: {"nexus.dev/note": hi, "/x": y}
              finalizers: [nexus.dev/gc, "bad finalizer"]
            """);
    assertThat(Names.validateMetadata(BuiltinKinds.WORKLOAD, o))
        .extracting(Status.Cause::field, Status.Cause::message)
        .containsExactly(
            tuple(
                "metadata.namespace",
                "must consist of lowercase letters, digits and '-' (found 'D')"),
            tuple(
                "metadata.labels[bad key]",
                "invalid key: must consist of letters, digits, '-', '_' and '.' (found a space)"),
            tuple("metadata.labels.ok", "invalid value: must start and end with a letter or digit"),
            tuple("metadata.annotations[/x]", "invalid key: prefix '' must not be empty"),
            tuple(
                "metadata.finalizers[1]",
                "must consist of letters, digits, '-', '_' and '.' (found a space)"));
  }

  @Test
  void annotationsHaveATotalSizeLimit() {
    var o = yaml("{apiVersion: nexus.dev/v1, kind: Namespace, metadata: {name: big}}");
    o.withObject("/metadata/annotations").put("a", "x".repeat(300 * 1024));
    assertThat(Names.validateMetadata(BuiltinKinds.NAMESPACE, o))
        .extracting(Status.Cause::field)
        .containsExactly("metadata.annotations");
  }

  @Test
  void aMetadataOfTheWrongTypeIsLeftToTheSchema() {
    var o = yaml("{apiVersion: nexus.dev/v1, kind: Namespace, metadata: 3}");
    assertThat(Names.validateMetadata(BuiltinKinds.NAMESPACE, o)).isEmpty();
  }
}
