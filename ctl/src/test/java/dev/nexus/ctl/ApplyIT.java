package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl apply} and {@code diff} against a real server. */
class ApplyIT {
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

  static String workload(String name, String extraSpec) {
    return """
        apiVersion: nexus.dev/v1
        kind: Workload
        metadata:
          name: %s
          labels: {app: %s}
        spec:
        %s  selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              runtime: process
              command: [sleep, "3600"]
        """
        .formatted(name, name, extraSpec, name, name);
  }

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private ApiObject live(String name) {
    return client.get(BuiltinKinds.WORKLOAD, ns, name);
  }

  @Test
  void createdThenUnchangedThenConfigured() throws Exception {
    Path file = write("web.yaml", workload("web", "  replicas: 2\n"));

    Cli.Result first = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo("workload.nexus.dev/web created\n");
    assertThat(first.err()).isEmpty();

    Cli.Result again = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(again.out()).isEqualTo("workload.nexus.dev/web unchanged\n");
    String rv = live("web").resourceVersion();

    write("web.yaml", workload("web", "  replicas: 4\n"));
    Cli.Result changed = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(changed.code()).as(changed.toString()).isZero();
    assertThat(changed.out()).isEqualTo("workload.nexus.dev/web configured\n");
    assertThat(live("web").node().path("spec").path("replicas").asInt()).isEqualTo(4);
    assertThat(live("web").resourceVersion()).isNotEqualTo(rv);
  }

  @Test
  void removedFieldIsRemovedWhileFieldsOthersSetAreKept() throws Exception {
    Path file =
        write(
            "web.yaml",
            workload("web", "  minReadySeconds: 5\n")
                .replace("labels: {app: web}", "labels: {app: web, tier: front}"));
    assertThat(cli.run("apply", "-f", file.toString(), "-n", ns).code()).isZero();

    // Another writer owns replicas (like an Autoscaler) and a controller writes status.
    client.patch(
        BuiltinKinds.WORKLOAD, ns, "web", Json.MAPPER.readTree("{\"spec\":{\"replicas\":7}}"));
    ApiObject withStatus = live("web");
    withStatus.node().putObject("status").put("readyReplicas", 3);
    client.updateStatus(BuiltinKinds.WORKLOAD, withStatus);

    // The user drops minReadySeconds and the tier label from the manifest.
    write("web.yaml", workload("web", ""));
    Cli.Result r = cli.run("apply", "-f", file.toString(), "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("workload.nexus.dev/web configured\n");

    ApiObject after = live("web");
    assertThat(after.node().path("spec").has("minReadySeconds")).isFalse();
    assertThat(after.labels()).containsOnlyKeys("app");
    assertThat(after.node().path("spec").path("replicas").asInt()).isEqualTo(7);
    assertThat(after.node().path("status").path("readyReplicas").asInt()).isEqualTo(3);

    assertThat(cli.run("apply", "-f", file.toString(), "-n", ns).out())
        .isEqualTo("workload.nexus.dev/web unchanged\n");
  }

  @Test
  void multiDocumentFilesAndDirectoriesApplyNamespacesFirst() throws Exception {
    String other = ns + "-x";
    write(
        "tree/a-workloads.yaml",
        workload("api", "  replicas: 1\n")
                .replace("  name: api\n", "  name: api\n  namespace: " + other + "\n")
            + "---\n"
            + workload("db", "  replicas: 1\n"));
    write(
        "tree/b-namespace.json",
        "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
            + other
            + "\"}}");
    write(
        "tree/nested/c-svc.yaml",
        """
        apiVersion: nexus.dev/v1
        kind: Service
        metadata: {name: api}
        spec:
          selector: {app: api}
          ports: [{name: http, port: 80, targetPort: 8080}]
        """);
    write("tree/readme.md", "not a manifest");

    Cli.Result flat = cli.run("apply", "-f", dir.resolve("tree").toString(), "-n", ns);
    assertThat(flat.code()).as(flat.toString()).isNotZero();
    // -n names a namespace that disagrees with the manifest of api: that document fails alone.
    assertThat(flat.out())
        .isEqualTo("namespace.nexus.dev/" + other + " created\nworkload.nexus.dev/db created\n");
    assertThat(flat.err())
        .isEqualTo(
            "error: "
                + dir.resolve("tree/a-workloads.yaml")
                + " (document 1): Workload \"api\": metadata.namespace: the manifest says \""
                + other
                + "\" but -n says \""
                + ns
                + "\"\n");

    Cli.Result recursive =
        cli.run("apply", "-R", "-f", dir.resolve("tree").toString(), "-n", other);
    assertThat(recursive.code()).as(recursive.toString()).isZero();
    assertThat(recursive.out())
        .isEqualTo(
            "namespace.nexus.dev/"
                + other
                + " unchanged\nworkload.nexus.dev/api created\nworkload.nexus.dev/db created\n"
                + "service.nexus.dev/api created\n");
    assertThat(client.get(BuiltinKinds.WORKLOAD, other, "api").name()).isEqualTo("api");
    assertThat(client.get(BuiltinKinds.WORKLOAD, other, "db").name()).isEqualTo("db");
    assertThat(client.get(BuiltinKinds.SERVICE, other, "api").name()).isEqualTo("api");
  }

  @Test
  void standardInput() {
    Cli.Result r =
        cli.runWithInput(workload("piped", "  replicas: 1\n"), "apply", "-f", "-", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("workload.nexus.dev/piped created\n");
  }

  @Test
  void diffShowsWhatApplyWouldChangeAndExitsLikeKubectl() throws Exception {
    Path file = write("web.yaml", workload("web", "  replicas: 2\n"));

    Cli.Result creating = cli.run("diff", "-f", file.toString(), "-n", ns);
    assertThat(creating.code()).as(creating.toString()).isEqualTo(1);
    assertThat(creating.out())
        .startsWith(
            "--- live/workload.nexus.dev/"
                + ns
                + "/web\n+++ merged/workload.nexus.dev/"
                + ns
                + "/web\n@@ -0,0 +1,")
        .contains("+  replicas: 2\n");

    cli.run("apply", "-f", file.toString(), "-n", ns);
    Cli.Result same = cli.run("diff", "-f", file.toString(), "-n", ns);
    assertThat(same.code()).as(same.toString()).isZero();
    assertThat(same.out()).isEmpty();

    write("web.yaml", workload("web", "  replicas: 5\n"));
    Cli.Result changed = cli.run("diff", "-f", file.toString(), "-n", ns);
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.out()).contains("-  replicas: 2\n+  replicas: 5\n");
    assertThat(changed.out()).doesNotContain("last-applied");
    // diff never writes.
    assertThat(live("web").node().path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void applyThroughTheClientKeepsUnknownManifestFieldsOut() throws Exception {
    Path file = write("web.yaml", workload("web", "  replicas: 1\n"));
    cli.run("apply", "-f", file.toString(), "-n", ns);
    ApiObject stored = live("web");
    String recorded = stored.annotations().get("nexus.dev/last-applied-configuration");
    ObjectNode lastApplied = (ObjectNode) Json.MAPPER.readTree(recorded);
    assertThat(lastApplied.path("metadata").path("namespace").asText()).isEqualTo(ns);
    assertThat(lastApplied.has("status")).isFalse();
    assertThat(lastApplied.path("metadata").has("annotations")).isFalse();
  }
}
