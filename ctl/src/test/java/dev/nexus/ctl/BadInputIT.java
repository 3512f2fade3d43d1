package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.client.NexusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives exactly one {@code error:} line naming the file, the document, the
 * object, the field and the rule, and a non-zero exit code; nothing is written.
 */
class BadInputIT {
  @TempDir Path dir;
  private NexusClient client;
  private String ns;
  private Cli cli;

  @BeforeEach
  void setUp() {
    client = NexusClient.forServer(TestServer.get().uri());
    ns = TestServer.get().newNamespace(client);
    cli = TestServer.get().cli(dir);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private Path file(String content) throws Exception {
    Path p = dir.resolve("x.yaml");
    Files.writeString(p, content);
    return p;
  }

  /** Applies {@code content} as the second document of x.yaml and returns the one error line. */
  private String secondDocumentError(String content) throws Exception {
    Path p = file(ApplyIT.workload("fine", "  replicas: 1\n") + "---\n" + content);
    Cli.Result r = cli.run("apply", "-f", p.toString(), "-n", ns);
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).matches("workload.nexus.dev/fine (created|unchanged)\n");
    assertThat(r.err().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err()).startsWith("error: " + p + " (document 2): ");
    return r.err().strip();
  }

  private void assertNotWritten(String name) {
    assertThatThrownBy(() -> client.get(BuiltinKinds.WORKLOAD, ns, name))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void malformedYamlNamesFileDocumentAndLine() throws Exception {
    Path p =
        file(ApplyIT.workload("fine", "  replicas: 1\n") + "---\nkind: Workload\nspec: [oops\n");
    Cli.Result r = cli.run("apply", "-f", p.toString(), "-n", ns);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: " + p + ": malformed manifest (document 2, line ");
    assertThat(r.err().lines()).hasSize(1);
    assertNotWritten("fine");
  }

  @Test
  void unknownKind() throws Exception {
    String err =
        secondDocumentError("apiVersion: nexus.dev/v1\nkind: Gadget\nmetadata: {name: g}\n");
    assertThat(err)
        .endsWith("kind: unknown kind \"Gadget\" in nexus.dev/v1 (see `nexusctl api-resources`)");

    String version =
        secondDocumentError("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
    assertThat(version).endsWith("apiVersion: unknown API version \"apps/v1\" (kind Deployment)");
  }

  @Test
  void missingRequiredField() throws Exception {
    String err =
        secondDocumentError(
            "apiVersion: nexus.dev/v1\nkind: Workload\nmetadata: {name: web}\nspec: {replicas: 1}\n");
    assertThat(err)
        .contains("(document 2): Workload \"web\" is invalid: spec.template: ")
        .containsIgnoringCase("required");
    assertNotWritten("web");

    String noName = secondDocumentError("apiVersion: nexus.dev/v1\nkind: Workload\nspec: {}\n");
    assertThat(noName).endsWith("(document 2): Workload: metadata.name: required");
  }

  @Test
  void wrongType() throws Exception {
    String err = secondDocumentError(ApplyIT.workload("web", "  replicas: three\n"));
    assertThat(err)
        .contains("(document 2): Workload \"web\" is invalid: spec.replicas: ")
        .containsIgnoringCase("integer");
    assertNotWritten("web");
  }

  @Test
  void invalidName() throws Exception {
    String err = secondDocumentError(ApplyIT.workload("Web_1", "  replicas: 1\n"));
    assertThat(err).contains("Workload \"Web_1\" is invalid: metadata.name: ", "lowercase");
  }

  @Test
  void invalidValue() throws Exception {
    String err = secondDocumentError(ApplyIT.workload("web", "  replicas: -1\n"));
    assertThat(err)
        .contains("(document 2): Workload \"web\" is invalid: spec.replicas: ")
        .containsPattern("greater than or equal to 0|>= 0");
    assertNotWritten("web");
  }

  @Test
  void missingNamespace() throws Exception {
    Path p = file(ApplyIT.workload("web", "  replicas: 1\n"));
    Cli.Result r = cli.run("apply", "-f", p.toString(), "-n", "no-such-namespace");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: " + p + " (document 1): ")
        .contains("Workload \"web\": ", "\"no-such-namespace\" not found");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void staleResourceVersionIsAConflict() throws Exception {
    Path p = file(ApplyIT.workload("web", "  replicas: 1\n"));
    assertThat(cli.run("apply", "-f", p.toString(), "-n", ns).code()).isZero();
    String stale = client.get(BuiltinKinds.WORKLOAD, ns, "web").resourceVersion();
    cli.runWithInput(ApplyIT.workload("web", "  replicas: 2\n"), "apply", "-f", "-", "-n", ns);

    Path withVersion =
        file(
            ApplyIT.workload("web", "  replicas: 3\n")
                .replace("  name: web\n", "  name: web\n  resourceVersion: \"" + stale + "\"\n"));
    for (String verb : new String[] {"apply", "replace"}) {
      Cli.Result r = cli.run(verb, "-f", withVersion.toString(), "-n", ns);
      assertThat(r.code()).as(verb + ": " + r).isEqualTo(1);
      assertThat(r.err())
          .as(verb)
          .startsWith("error: " + withVersion + " (document 1): ")
          .contains("Workload \"web\"")
          .containsIgnoringCase("modified");
      assertThat(r.err().lines()).hasSize(1);
    }
    assertThat(
            client
                .get(BuiltinKinds.WORKLOAD, ns, "web")
                .node()
                .path("spec")
                .path("replicas")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void createOfAnExistingName() throws Exception {
    Path p = file(ApplyIT.workload("web", "  replicas: 1\n"));
    assertThat(cli.run("create", "-f", p.toString(), "-n", ns).out())
        .isEqualTo("workload.nexus.dev/web created\n");
    Cli.Result r = cli.run("create", "-f", p.toString(), "-n", ns);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: " + p + " (document 1): ")
        .contains("Workload \"web\" already exists");
  }

  @Test
  void unknownKindOrFormatOnTheCommandLine() {
    Cli.Result kind = cli.run("get", "gadgets");
    assertThat(kind.code()).isEqualTo(1);
    assertThat(kind.err())
        .isEqualTo(
            "error: the server doesn't have a resource type \"gadgets\" (see `nexusctl api-resources`)\n");

    Cli.Result format = cli.run("get", "wl", "-o", "xml");
    assertThat(format.code()).isEqualTo(1);
    assertThat(format.err())
        .isEqualTo(
            "error: -o: unknown output format \"xml\" (use table, wide, yaml, json or name)\n");

    Cli.Result noFile = cli.run("apply", "-f", dir.resolve("absent.yaml").toString());
    assertThat(noFile.code()).isEqualTo(1);
    assertThat(noFile.err())
        .isEqualTo("error: the path \"" + dir.resolve("absent.yaml") + "\" does not exist\n");

    Cli.Result badSelector = cli.run("get", "wl", "-l", "app in (", "-n", ns);
    assertThat(badSelector.code()).isEqualTo(1);
    assertThat(badSelector.err()).startsWith("error: ").contains("labelSelector");
    assertThat(badSelector.err().lines()).hasSize(1);
  }
}
