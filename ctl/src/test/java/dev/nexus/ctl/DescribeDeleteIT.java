package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl describe} and {@code delete} against a real server. */
class DescribeDeleteIT {
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

  private void apply(String manifests) {
    Cli.Result r = cli.runWithInput(manifests, "apply", "-f", "-", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @Test
  void describeExplainsWhyAWorkloadIsNotReady() throws Exception {
    apply(ApplyIT.workload("web", "  replicas: 2\n"));
    ApiObject web = client.get(BuiltinKinds.WORKLOAD, ns, "web");
    ObjectNode status = web.node().putObject("status");
    status.put("readyReplicas", 0);
    status.set(
        "conditions",
        Json.MAPPER.readTree(
            "[{\"type\":\"Available\",\"status\":\"False\",\"reason\":\"NoNodes\","
                + "\"message\":\"0/0 nodes are available\"}]"));
    client.updateStatus(BuiltinKinds.WORKLOAD, web);
    client.create(
        BuiltinKinds.EVENT,
        new ApiObject(
            (ObjectNode)
                Json.YAML.readTree(
                    """
                    apiVersion: nexus.dev/v1
                    kind: Event
                    metadata: {name: web.1, namespace: %s}
                    involvedObject: {apiVersion: nexus.dev/v1, kind: Workload, name: web, namespace: %s}
                    type: Warning
                    reason: FailedScheduling
                    message: no node can run web
                    source: {component: scheduler}
                    """
                        .formatted(ns, ns))));

    Cli.Result r = cli.run("describe", "wl", "web", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "Name:             web\n",
            "Namespace:        " + ns + "\n",
            "Kind:             Workload (nexus.dev/v1)\n",
            "Labels:           app=web\n",
            "Spec:\n  replicas: 2\n",
            "Conditions:\n",
            "Available   False    NoNodes",
            "0/0 nodes are available",
            "Events:\n",
            "Warning   FailedScheduling",
            "no node can run web")
        .doesNotContain("last-applied");
  }

  @Test
  void describeWithoutEventsSaysNone() {
    apply(ApplyIT.workload("quiet", "  replicas: 1\n"));
    Cli.Result r = cli.run("describe", "workload/quiet", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Name:             quiet\n", "Events:           <none>\n");

    Cli.Result missing = cli.run("describe", "wl", "ghost", "-n", ns);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: ").contains("ghost", "not found");
  }

  @Test
  void deleteByNameBySelectorAndByFile() throws Exception {
    apply(
        ApplyIT.workload("a", "  replicas: 1\n")
            + "---\n"
            + ApplyIT.workload("b", "  replicas: 1\n")
            + "---\n"
            + ApplyIT.workload("c", "  replicas: 1\n").replace("{app: c}", "{app: c, tier: x}"));

    Cli.Result byName = cli.run("delete", "wl", "a", "-n", ns);
    assertThat(byName.code()).as(byName.toString()).isZero();
    assertThat(byName.out()).isEqualTo("workload.nexus.dev \"a\" deleted\n");

    Cli.Result bySelector = cli.run("delete", "workloads", "-l", "tier=x", "-n", ns);
    assertThat(bySelector.out()).isEqualTo("workload.nexus.dev \"c\" deleted\n");

    Path file = dir.resolve("b.yaml");
    Files.writeString(file, ApplyIT.workload("b", "  replicas: 1\n"));
    Cli.Result byFile = cli.run("delete", "-f", file.toString(), "-n", ns);
    assertThat(byFile.out()).isEqualTo("workload.nexus.dev \"b\" deleted\n");

    assertThat(client.list(BuiltinKinds.WORKLOAD, ns, ListOptions.none()).items()).isEmpty();

    Cli.Result again = cli.run("delete", "wl", "a", "-n", ns);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).startsWith("error: ").contains("\"a\" not found");
    assertThat(cli.run("delete", "wl", "a", "-n", ns, "--ignore-not-found").code()).isZero();
  }

  @Test
  void deletingANamespaceFromAFileDeletesItsObjectsFirst() throws Exception {
    String other = ns + "-del";
    Path file = dir.resolve("all.yaml");
    Files.writeString(
        file,
        "apiVersion: nexus.dev/v1\nkind: Namespace\nmetadata: {name: "
            + other
            + "}\n---\n"
            + ApplyIT.workload("w", "  replicas: 1\n"));
    assertThat(cli.run("apply", "-f", file.toString(), "-n", other).code()).isZero();

    Cli.Result r = cli.run("delete", "-f", file.toString(), "-n", other);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out().lines()).first().isEqualTo("workload.nexus.dev \"w\" deleted");
    assertThatThrownBy(() -> client.get(BuiltinKinds.WORKLOAD, other, "w"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
