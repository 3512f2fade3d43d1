package dev.nexus.ctl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.codec.Document;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  @TempDir Path dir;

  private static final String NS =
      "apiVersion: nexus.dev/v1\nkind: Namespace\nmetadata: {name: %s}\n";

  private static List<String> names(ManifestLoader.Loaded loaded) {
    return loaded.documents().stream()
        .map(d -> d.object().path("metadata").path("name").asText())
        .toList();
  }

  @Test
  void directoryIsReadInNameOrderAndSubdirectoriesOnlyWithRecursive() throws Exception {
    Files.writeString(dir.resolve("b.yaml"), NS.formatted("b"));
    Files.writeString(dir.resolve("a.yml"), NS.formatted("a1") + "---\n" + NS.formatted("a2"));
    Files.writeString(
        dir.resolve("c.json"),
        "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"c\"}}");
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/d.yaml"), NS.formatted("d"));

    ManifestLoader.Loaded flat = ManifestLoader.load(List.of(dir.toString()), false, null);
    assertThat(flat.errors()).isEmpty();
    assertThat(names(flat)).containsExactly("a1", "a2", "b", "c");
    Document second = flat.documents().get(1);
    assertThat(second.where()).isEqualTo(dir.resolve("a.yml") + " (document 2)");

    ManifestLoader.Loaded deep = ManifestLoader.load(List.of(dir.toString()), true, null);
    assertThat(names(deep)).containsExactly("a1", "a2", "b", "c", "d");
  }

  @Test
  void standardInputAndMissingAndMalformedFiles() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), NS.formatted("ok") + "---\nkind: [unclosed\n");
    var stdin = new ByteArrayInputStream(NS.formatted("piped").getBytes(StandardCharsets.UTF_8));

    ManifestLoader.Loaded loaded =
        ManifestLoader.load(
            List.of("-", dir.resolve("absent.yaml").toString(), dir.resolve("bad.yaml").toString()),
            false,
            stdin);

    assertThat(names(loaded)).containsExactly("piped");
    assertThat(loaded.documents().get(0).where()).isEqualTo("- (document 1)");
    assertThat(loaded.errors()).hasSize(2);
    assertThat(loaded.errors().get(0))
        .isEqualTo("the path \"" + dir.resolve("absent.yaml") + "\" does not exist");
    assertThat(loaded.errors().get(1))
        .startsWith(dir.resolve("bad.yaml") + ": malformed manifest (document 2, line ");
  }

  @Test
  void applyOrderPutsNamespacesAndDefinitionsFirst() throws Exception {
    Files.writeString(
        dir.resolve("all.yaml"),
        """
        apiVersion: nexus.dev/v1
        kind: Workload
        metadata: {name: w}
        ---
        apiVersion: nexus.dev/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.acme.io}
        ---
        apiVersion: nexus.dev/v1
        kind: Namespace
        metadata: {name: n}
        """);
    List<Document> docs =
        TargetResolver.applyOrder(
            ManifestLoader.load(List.of(dir.resolve("all.yaml").toString()), false, null)
                .documents());
    assertThat(docs)
        .extracting(d -> d.object().path("kind").asText())
        .containsExactly("Namespace", "CustomResourceDefinition", "Workload");
  }
}
