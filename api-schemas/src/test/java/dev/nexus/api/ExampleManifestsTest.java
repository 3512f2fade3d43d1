package dev.nexus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.codec.Document;
import dev.nexus.api.codec.Manifests;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.api.validation.ObjectValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest a new user applies first must be valid, so the very first apply succeeds. */
class ExampleManifestsTest {
  private static final Path DIR =
      Path.of(System.getProperty("basedir", "."), "..", "examples", "manifests").normalize();
  private static final ObjectValidator VALIDATOR = new ObjectValidator();
  private static final KindRegistry KINDS = KindRegistry.builtin();

  static Stream<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theFolderHoldsOneFilePerConcept() throws IOException {
    assertThat(manifests().map(p -> p.getFileName().toString()))
        .contains(
            "00-namespace.yaml",
            "10-workload.yaml",
            "20-service.yaml",
            "30-policy.yaml",
            "40-autoscaler.yaml");
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void everyObjectIsValid(Path file) throws IOException {
    List<Document> docs = Manifests.parse(file.getFileName().toString(), Files.readAllBytes(file));
    assertThat(docs).as(file.toString()).isNotEmpty();
    for (Document doc : docs) {
      String apiVersion = doc.object().path("apiVersion").asText();
      String kind = doc.object().path("kind").asText();
      KindInfo info = KINDS.byKind(apiVersion, kind).orElse(null);
      assertThat(info).as(doc.where() + ": unknown kind " + apiVersion + " " + kind).isNotNull();
      assertThat(VALIDATOR.validate(info, doc.object())).as(doc.where()).isEmpty();
    }
  }

  @Test
  void namespacedExamplesLiveInTheDemoNamespace() throws IOException {
    for (Path file : manifests().toList()) {
      for (Document doc : Manifests.parse(file.toString(), Files.readAllBytes(file))) {
        KindInfo info =
            KINDS
                .byKind(
                    doc.object().path("apiVersion").asText(), doc.object().path("kind").asText())
                .orElseThrow();
        if (info.namespaced()) {
          assertThat(doc.object().at("/metadata/namespace").asText())
              .as(doc.where())
              .isEqualTo("demo");
        }
      }
    }
  }
}
