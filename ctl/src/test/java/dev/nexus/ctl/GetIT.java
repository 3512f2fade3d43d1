package dev.nexus.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.client.NexusClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nexusctl get} in every output format, with selectors, across namespaces and watching. */
class GetIT {
  @TempDir Path dir;
  private NexusClient client;
  private String ns;
  private Cli cli;

  @BeforeEach
  void setUp() {
    client = NexusClient.forServer(TestServer.get().uri());
    ns = TestServer.get().newNamespace(client);
    cli = TestServer.get().cli(dir);
    String manifests =
        ApplyIT.workload("web", "  replicas: 3\n")
            + "---\n"
            + ApplyIT.workload("db", "  replicas: 1\n");
    Cli.Result r = cli.runWithInput(manifests, "apply", "-f", "-", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void tableIsAlignedWithKindColumns() {
    Cli.Result r = cli.run("get", "workloads", "-n", ns);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .matches(
            "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n"
                + "db     0/1     0            0           \\d+s\n"
                + "web    0/3     0            0           \\d+s\n");
  }

  @Test
  void shortNamesSingularsAndKindNamesAllWork() {
    for (String name : new String[] {"wl", "workload", "Workload", "workloads.nexus.dev"}) {
      Cli.Result r = cli.run("get", name, "web", "-n", ns, "-o", "name");
      assertThat(r.out()).as(name).isEqualTo("workload.nexus.dev/web\n");
    }
    assertThat(cli.run("get", "wl/web", "-n", ns, "-o", "name").out())
        .isEqualTo("workload.nexus.dev/web\n");
  }

  @Test
  void wideShowLabelsAndSelectors() {
    Cli.Result wide = cli.run("get", "wl", "web", "-n", ns, "-o", "wide", "--show-labels");
    assertThat(wide.out().lines().findFirst().orElseThrow())
        .matches("NAME +READY +UP-TO-DATE +AVAILABLE +AGE +RUNTIME +IMAGE +SELECTOR +LABELS");
    assertThat(wide.out()).contains("process", "sleep 3600", "app=web");

    Cli.Result selected = cli.run("get", "wl", "-l", "app=db", "-n", ns, "-o", "name");
    assertThat(selected.out()).isEqualTo("workload.nexus.dev/db\n");

    Cli.Result byField =
        cli.run("get", "wl", "--field-selector", "metadata.name=web", "-n", ns, "-o", "name");
    assertThat(byField.out()).isEqualTo("workload.nexus.dev/web\n");

    Cli.Result none = cli.run("get", "wl", "-l", "app=nothing", "-n", ns);
    assertThat(none.code()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("No resources found in " + ns + " namespace.\n");
  }

  @Test
  void yamlAndJsonAreTheStoredObjectOrAList() throws Exception {
    Cli.Result yaml = cli.run("get", "wl", "web", "-n", ns, "-o", "yaml");
    assertThat(yaml.code()).isZero();
    var one = Json.YAML.readTree(yaml.out());
    assertThat(one.path("kind").asText()).isEqualTo("Workload");
    assertThat(one.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(one.path("spec").path("replicas").asInt()).isEqualTo(3);

    Cli.Result json = cli.run("get", "wl", "-n", ns, "-o", "json");
    var list = Json.MAPPER.readTree(json.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).hasSize(2);

    // A list printed with -o yaml is a manifest apply reads back; only the recorded
    // last-applied configuration changes (it now holds the whole object), as with kubectl.
    Cli.Result listYaml = cli.run("get", "wl", "-n", ns, "-o", "yaml");
    Cli.Result reapplied = cli.runWithInput(listYaml.out(), "apply", "-f", "-", "-n", ns);
    assertThat(reapplied.code()).as(reapplied.toString()).isZero();
    assertThat(reapplied.out())
        .isEqualTo("workload.nexus.dev/db configured\nworkload.nexus.dev/web configured\n");
    assertThat(
            client
                .get(BuiltinKinds.WORKLOAD, ns, "web")
                .node()
                .path("spec")
                .path("replicas")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void allNamespacesAddsTheNamespaceColumn() {
    Cli.Result r = cli.run("get", "wl", "-A", "-l", "app=web");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("NAMESPACE ")
        .contains(" NAME ");
    assertThat(r.out()).containsPattern("(?m)^" + ns + " +web +0/3 ");

    Cli.Result namespaces = cli.run("get", "ns", ns);
    assertThat(namespaces.out()).matches("NAME +STATUS +AGE\n" + ns + " +Active +\\d+s\n");
  }

  @Test
  void missingNameIsAnErrorButOthersStillPrint() {
    Cli.Result r = cli.run("get", "wl", "web", "ghost", "-n", ns, "-o", "name");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("workload.nexus.dev/web\n");
    assertThat(r.err()).startsWith("error: ").contains("ghost", "not found");
    assertThat(r.err().lines()).hasSize(1);
  }

  /** A {@code nexusctl} run in the background until {@link #stop()}, as a user's -w. */
  private final class Background {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final int[] code = {-1};
    final Thread thread;

    Background(String... args) {
      String[] all =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args),
                  java.util.stream.Stream.of(
                      "--server",
                      TestServer.get().uri().toString(),
                      "--config",
                      dir.resolve("none").toString()))
              .toArray(String[]::new);
      thread =
          Thread.ofVirtual()
              .start(
                  () ->
                      code[0] =
                          Nexusctl.run(
                              all,
                              new ByteArrayInputStream(new byte[0]),
                              new PrintStream(out, true, StandardCharsets.UTF_8),
                              new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    /** Interrupts the run, as Ctrl-C would end it, and returns its exit code. */
    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(Duration.ofSeconds(10));
      assertThat(thread.isAlive()).isFalse();
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      return code[0];
    }
  }

  private void scaleWeb(int replicas) throws Exception {
    client.patch(
        BuiltinKinds.WORKLOAD,
        ns,
        "web",
        Json.MAPPER.readTree("{\"spec\":{\"replicas\":" + replicas + "}}"));
  }

  @Test
  void watchPrintsAnUpdateMadeWhileWatching() throws Exception {
    Background watch = new Background("get", "wl", "web", "-w", "-n", ns);
    await().atMost(Duration.ofSeconds(10)).until(() -> watch.out().contains("web "));

    scaleWeb(5);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(watch.out()).containsPattern("(?m)^web +0/5 "));
    assertThat(watch.stop()).isZero();
    String printed = watch.out();
    assertThat(printed).startsWith("NAME ");
    assertThat(printed.lines().filter(l -> l.startsWith("NAME"))).hasSize(1);
    assertThat(printed).containsPattern("(?m)^web +0/3 ");
    assertThat(printed).doesNotContain("db ");
  }

  @Test
  void watchWithJsonPrintsEachObjectAsItChanges() throws Exception {
    Background watch = new Background("get", "wl", "web", "-w", "-o", "json", "-n", ns);
    await().atMost(Duration.ofSeconds(10)).until(() -> watch.out().contains("\"replicas\" : 3"));

    scaleWeb(6);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(watch.out()).contains("\"replicas\" : 6"));
    assertThat(watch.stop()).isZero();
    var docs =
        Json.MAPPER
            .readerFor(com.fasterxml.jackson.databind.JsonNode.class)
            .readValues(watch.out());
    int count = 0;
    while (docs.hasNext()) {
      var doc = (com.fasterxml.jackson.databind.JsonNode) docs.next();
      assertThat(doc.path("kind").asText()).isEqualTo("Workload");
      assertThat(doc.path("metadata").path("name").asText()).isEqualTo("web");
      count++;
    }
    assertThat(count).isEqualTo(2);
  }
}
