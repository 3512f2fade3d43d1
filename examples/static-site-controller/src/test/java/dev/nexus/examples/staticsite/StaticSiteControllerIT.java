package dev.nexus.examples.staticsite;

import static dev.nexus.api.kinds.BuiltinKinds.SERVICE;
import static dev.nexus.api.kinds.BuiltinKinds.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.codec.Manifests;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.InvalidException;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.OwnerRef;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.controllers.gc.GarbageCollector;
import dev.nexus.testing.Eventually;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StaticSite controller against a real in-process API server: the CRD and the sample site come
 * from the module's {@code manifests/} folder, exactly as a user applies them; the garbage
 * collector from {@code controllers} runs beside it, as in {@code nexus up}.
 */
@NexusTest
class StaticSiteControllerIT {
  private static final Path MANIFESTS = Path.of("manifests");
  private static Manager manager;
  private static KindInfo sites;

  NexusClient client;
  TestServer server;

  @BeforeAll
  static void applyCrdAndStartControllers(NexusClient client) throws IOException {
    for (ObjectNode crd : manifest("00-staticsite-crd.yaml")) {
      client.create(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION, new ApiObject(crd));
    }
    manager = Manager.builder(client).name("static-site-it").build();
    StaticSiteController.register(manager);
    GarbageCollector.register(manager);
    manager.start();
    sites = client.discover().stream().filter(k -> k.kind().equals("StaticSite")).findFirst().get();
  }

  @AfterAll
  static void stopControllers() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void makesAnOwnedWorkloadAndServiceAndFollowsSpecChanges() throws IOException {
    String ns = server.newNamespace();
    ApiObject site = client.create(sites, sample(ns, 8080));

    Eventually.assertThat(
        () -> {
          ApiObject wl = client.get(WORKLOAD, ns, "hello");
          assertControlledBy(wl, site);
          assertThat(wl.node().at("/spec/replicas").asInt()).isEqualTo(2);
          JsonNode run = wl.node().at("/spec/template/spec");
          assertThat(run.path("runtime").asText()).isEqualTo("process");
          assertThat(run.at("/command/0").asText()).isEqualTo("python3");
          assertThat(Json.MAPPER.readTree(env(run, "SITE_FILES")))
              .isEqualTo(site.spec().get("files"));
          assertThat(env(run, "PORT")).isEqualTo("8080");
          assertThat(run.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(8080);
          ApiObject svc = client.get(SERVICE, ns, "hello");
          assertControlledBy(svc, site);
          assertThat(svc.node().at("/spec/selector/staticsite").asText()).isEqualTo("hello");
          assertThat(svc.node().at("/spec/ports/0/port").asInt()).isEqualTo(80);
          assertThat(svc.node().at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
        });
    Eventually.assertThat(
        () -> {
          JsonNode status = client.get(sites, ns, "hello").status();
          assertThat(status.path("observedGeneration").asLong()).isEqualTo(1);
          assertThat(status.path("readyReplicas").asInt(-1)).isZero();
          var ready = Conditions.get(status, "Ready").orElseThrow();
          assertThat(ready.status()).isEqualTo("False");
          assertThat(ready.reason()).isEqualTo("Progressing");
          assertThat(ready.message()).isEqualTo("0 of 2 replicas ready");
          assertThat(eventReasons(ns, "Normal")).contains("Created");
        });

    // A spec change reaches the Workload: more replicas, new content.
    client.patch(
        sites, ns, "hello", json("{'spec':{'replicas':3,'files':{'index.html':'<h1>v2</h1>'}}}"));
    Eventually.assertThat(
        () -> {
          ApiObject wl = client.get(WORKLOAD, ns, "hello");
          assertThat(wl.node().at("/spec/replicas").asInt()).isEqualTo(3);
          JsonNode files =
              Json.MAPPER.readTree(env(wl.node().at("/spec/template/spec"), "SITE_FILES"));
          assertThat(files.path("index.html").asText()).isEqualTo("<h1>v2</h1>");
          assertThat(files.path("about.html").asText()).contains("example controller");
          assertThat(client.get(sites, ns, "hello").status().path("observedGeneration").asLong())
              .isEqualTo(2);
          assertThat(eventReasons(ns, "Normal")).contains("Updated");
        });

    // What the workload controller and the mesh report flows into the site's status.
    client.patchStatus(WORKLOAD, ns, "hello", json("{'status':{'readyReplicas':3}}"));
    client.patch(SERVICE, ns, "hello", json("{'spec':{'clusterIP':'10.96.0.7'}}"));
    Eventually.assertThat(
        () -> {
          JsonNode status = client.get(sites, ns, "hello").status();
          assertThat(status.path("readyReplicas").asInt()).isEqualTo(3);
          assertThat(status.path("url").asText()).isEqualTo("http://10.96.0.7/");
          assertThat(Conditions.get(status, "Ready").orElseThrow().reason()).isEqualTo("Serving");
          assertThat(eventReasons(ns, "Normal")).contains("Ready");
        });
  }

  @Test
  void deletingTheSiteLetsTheGarbageCollectorDeleteWhatItOwned() throws IOException {
    String ns = server.newNamespace();
    client.create(sites, sample(ns, 8080));
    Eventually.assertThat(
        () -> {
          assertThat(client.find(WORKLOAD, ns, "hello")).isPresent();
          assertThat(client.find(SERVICE, ns, "hello")).isPresent();
        });
    client.delete(sites, ns, "hello", null);
    Eventually.assertThat(
        () -> {
          assertThat(client.find(WORKLOAD, ns, "hello")).isEmpty();
          assertThat(client.find(SERVICE, ns, "hello")).isEmpty();
        });
  }

  /** Plays the node agent: runs the Workload's command with its env and fetches the files. */
  @Test
  void theWorkloadServesTheSiteFiles() throws Exception {
    String ns = server.newNamespace();
    int port = freePort();
    client.create(sites, sample(ns, port));
    JsonNode run =
        Eventually.get(
            () -> client.get(WORKLOAD, ns, "hello").node().at("/spec/template/spec"),
            r -> !r.isMissingNode());
    List<String> command = new ArrayList<>();
    run.path("command").forEach(c -> command.add(c.asText()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    run.path("env")
        .forEach(e -> pb.environment().put(e.get("name").asText(), e.get("value").asText()));
    Process web = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (HttpClient http = HttpClient.newHttpClient()) {
      Eventually.assertThat(
          () -> {
            assertThat(get(http, port, "/")).contains("<h1>Hello from Nexus</h1>");
            assertThat(get(http, port, "/about.html")).contains("example controller");
          });
    } finally {
      web.destroy();
    }
  }

  @Test
  void badSitesAreRefusedNamingTheField() throws IOException {
    String ns = server.newNamespace();
    ApiObject site = sample(ns, 80);
    ((ObjectNode) site.spec().get("files")).put("../etc/passwd", "x");
    assertThatThrownBy(() -> client.create(sites, site))
        .isInstanceOfSatisfying(
            InvalidException.class,
            e ->
                assertThat(e.causes())
                    .extracting(InvalidException.FieldCause::field)
                    .anyMatch(f -> f.startsWith("spec.files"))
                    .contains("spec.port"));
  }

  @Test
  void aNameTakenByAnotherWorkloadIsReportedAndLeftAlone() throws IOException {
    String ns = server.newNamespace();
    ApiObject other = ApiObject.of(BuiltinKinds.API_VERSION, "Workload", ns, "hello");
    other
        .node()
        .set(
            "spec",
            json(
                "{'template':{'metadata':{'labels':{'app':'other'}},"
                    + "'spec':{'runtime':'process','command':['sleep']}}}"));
    client.create(WORKLOAD, other);
    client.create(sites, sample(ns, 8080));
    Eventually.assertThat(
        () -> assertThat(eventReasons(ns, "Warning")).contains("ReconcileFailed"));
    ApiObject untouched = client.get(WORKLOAD, ns, "hello");
    assertThat(OwnerReferences.of(untouched)).isEmpty();
    assertThat(untouched.node().at("/spec/template/spec/command/0").asText()).isEqualTo("sleep");
  }

  private static void assertControlledBy(ApiObject owned, ApiObject site) {
    OwnerRef ref = OwnerReferences.controllerOf(owned).orElseThrow();
    assertThat(ref.uid()).isEqualTo(site.uid());
    assertThat(ref.kind()).isEqualTo("StaticSite");
    assertThat(ref.apiVersion()).isEqualTo("examples.nexus.dev/v1");
    assertThat(ref.name()).isEqualTo("hello");
  }

  private List<String> eventReasons(String ns, String type) {
    return client.listAll(BuiltinKinds.EVENT, ns, ListOptions.none()).items().stream()
        .filter(e -> e.node().path("type").asText().equals(type))
        .filter(e -> e.node().at("/involvedObject/kind").asText().equals("StaticSite"))
        .map(e -> e.node().path("reason").asText())
        .toList();
  }

  private static String env(JsonNode run, String name) {
    for (JsonNode e : run.path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e.path("value").asText();
      }
    }
    throw new AssertionError("no env " + name + " in " + run);
  }

  /** The sample site from manifests/, in namespace {@code ns}, listening on {@code port}. */
  private static ApiObject sample(String ns, int port) throws IOException {
    ApiObject site = new ApiObject(manifest("10-hello-site.yaml").getFirst());
    site.metadata().put("namespace", ns);
    ((ObjectNode) site.spec()).put("port", port);
    return site;
  }

  private static List<ObjectNode> manifest(String file) throws IOException {
    Path path = MANIFESTS.resolve(file);
    return Manifests.parse(file, Files.readAllBytes(path)).stream().map(d -> d.object()).toList();
  }

  private static ObjectNode json(String singleQuoted) throws IOException {
    return (ObjectNode) Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }

  private static String get(HttpClient http, int port, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
