package dev.nexus.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  private static List<Document> parse(String text) {
    return Manifests.parse("app.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> names(List<Document> docs) {
    return docs.stream().map(d -> d.object().path("metadata").path("name").asText()).toList();
  }

  @Test
  void multiDocumentYamlSkipsEmptyAndCommentOnlyDocuments() {
    List<Document> docs =
        parse(
            """
            # The demo namespace and its workload.
            ---
            apiVersion: nexus.dev/v1
            kind: Namespace
            metadata: {name: demo}   # trailing comment
            ---
            # nothing here but a comment
            ---
            ---
            apiVersion: nexus.dev/v1
            kind: Workload
            metadata:
              name: web
              namespace: demo
            """);
    assertThat(names(docs)).containsExactly("demo", "web");
    assertThat(docs).extracting(Document::index).containsExactly(0, 3);
    assertThat(docs.get(1).where()).isEqualTo("app.yaml (document 4)");
    assertThat(docs.get(0).source()).isEqualTo("app.yaml");
  }

  @Test
  void anEmptyFileHasNoDocuments() {
    assertThat(parse("")).isEmpty();
    assertThat(parse("# only a comment\n")).isEmpty();
    assertThat(parse("---\n---\n")).isEmpty();
  }

  @Test
  void aJsonObject() {
    List<Document> docs =
        parse(
            "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}");
    assertThat(names(docs)).containsExactly("a");
  }

  @Test
  void aJsonArrayGivesEachItemItsOwnIndex() {
    List<Document> docs =
        parse(
            """
            [{"kind": "Namespace", "metadata": {"name": "a"}},
             {"kind": "Namespace", "metadata": {"name": "b"}}]
            """);
    assertThat(names(docs)).containsExactly("a", "b");
    assertThat(docs).extracting(Document::index).containsExactly(0, 1);
  }

  @Test
  void aListKindIsFlattened() {
    List<Document> docs =
        parse(
            """
            apiVersion: nexus.dev/v1
            kind: WorkloadList
            items:
              - {kind: Workload, metadata: {name: a}}
              - {kind: Workload, metadata: {name: b}}
            ---
            kind: Service
            metadata: {name: c}
            """);
    assertThat(names(docs)).containsExactly("a", "b", "c");
    assertThat(docs).extracting(Document::index).containsExactly(0, 1, 2);
  }

  @Test
  void aYamlFlowMappingIsNotMistakenForJson() {
    assertThat(names(parse("{kind: Namespace, metadata: {name: flow}}"))).containsExactly("flow");
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertThat(names(parse("\uFEFF{\"kind\":\"Namespace\",\"metadata\":{\"name\":\"bom\"}}")))
        .containsExactly("bom");
  }

  @Test
  void malformedYamlNamesSourceDocumentAndLine() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    kind: Namespace
                    metadata: {name: a}
                    ---
                    kind: Workload
                    spec:
                      ports: [1, 2
                    """))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "app.yaml: malformed manifest (document 2, line 7, column 1): expected ',' or ']', but"
                + " got <stream end> (while parsing a flow sequence)");
    assertThatThrownBy(() -> parse("kind: A\n  bad: indent\n"))
        .hasMessageStartingWith("app.yaml: malformed manifest (document 1, line 2, column 6): ")
        .hasMessageContaining("mapping values are not allowed here");
    assertThatThrownBy(() -> parse("kind: A\n\tmetadata: {}\n"))
        .hasMessageContaining("(document 1, line 2, column 1)")
        .hasMessageContaining("TAB");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> parse("kind: A\nkind: B\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "app.yaml: malformed manifest (document 1, line 2, column 5): Duplicate field 'kind'");
  }

  @Test
  void malformedJsonNamesTheLine() {
    assertThatThrownBy(
            () ->
                Manifests.parse(
                    "web.json",
                    "{\n  \"kind\": \"Namespace\",\n  \"metadata\": {\"name\": \"a\"\n"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("web.json: malformed manifest (document 1, line ");
  }

  @Test
  void aScalarDocumentIsNotAnObject() {
    assertThatThrownBy(() -> parse("kind: A\n---\njust text\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "app.yaml (document 2): expected an object with apiVersion and kind, found string");
    assertThatThrownBy(() -> parse("[1]"))
        .hasMessage(
            "app.yaml (document 1): expected an object with apiVersion and kind, found number");
  }
}
