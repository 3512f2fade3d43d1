package dev.nexus.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client nobody here wrote: the real kubectl, pointed at Nexus with a plain kubeconfig, applies,
 * gets, watches, scales and deletes Nexus kinds. Skipped (with the reason) where kubectl is absent.
 */
class KubectlIT {
  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
  private static final Path SDK_BIN = Path.of("/usr/lib/google-cloud-sdk/bin");

  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  @TempDir Path dir;

  private Kubectl kubectl(Path binary) throws Exception {
    assumeTrue(
        Files.isExecutable(binary),
        binary + " is not installed: the kubectl compatibility test needs a real kubectl binary");
    return new Kubectl(binary, dir, SERVER.server().url());
  }

  private Path manifest(String ns, String name, int replicas) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, Objects.workloadYaml(ns, name, replicas));
    return file;
  }

  @Test
  void applyGetWatchScaleAndDelete() throws Exception {
    Kubectl k = kubectl(KUBECTL);
    Path wl = manifest("default", "web", 3);

    Kubectl.Result created = k.run("apply", "--validate=false", "-f", wl.toString());
    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(created.out()).contains("workload.nexus.dev/web created");

    Kubectl.Result get = k.run("get", "workloads", "-n", "default");
    assertThat(get.exit()).as(get.toString()).isZero();
    assertThat(get.out().lines().toList().getFirst())
        .matches("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE");
    assertThat(get.out()).containsPattern("(?m)^web\\s+0/3\\s+0\\s+0\\s+\\d+s$");

    Kubectl.Result yaml = k.run("get", "wl", "web", "-o", "yaml");
    assertThat(yaml.exit()).as(yaml.toString()).isZero();
    assertThat(yaml.out())
        .contains("apiVersion: nexus.dev/v1", "kind: Workload", "name: web", "replicas: 3")
        .containsPattern("resourceVersion: \"\\d+\"")
        .containsPattern("uid: [0-9a-f-]{36}");

    Files.writeString(wl, Files.readString(wl).replace("replicas: 3", "replicas: 4"));
    Kubectl.Result reapplied = k.run("apply", "--validate=false", "-f", wl.toString());
    assertThat(reapplied.out())
        .as(reapplied.toString())
        .contains("workload.nexus.dev/web configured");
    JsonNode stored = SERVER.http().get(Objects.workload("default", "web")).json();
    assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(4);
    assertThat(stored.path("metadata").path("generation").asLong()).isEqualTo(2);

    try (Kubectl.Running watch = k.start("get", "wl", "-w")) {
      assertThat(watch.nextLine(Duration.ofSeconds(20))).startsWith("NAME");
      assertThat(watch.nextLine(Duration.ofSeconds(20))).matches("web\\s+0/4\\s+.*");
      Kubectl.Result scaled = k.run("scale", "wl", "web", "--replicas=2");
      assertThat(scaled.out()).as(scaled.toString()).contains("workload.nexus.dev/web scaled");
      assertThat(watch.nextLine(Duration.ofSeconds(20))).matches("web\\s+0/2\\s+.*");
    }

    Kubectl.Result deleted = k.run("delete", "wl", "web");
    assertThat(deleted.exit()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).contains("workload.nexus.dev \"web\" deleted");
    assertThat(SERVER.http().get(Objects.workload("default", "web")).code()).isEqualTo(404);
    Kubectl.Result gone = k.run("get", "wl", "web");
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.err()).contains("NotFound", "\"web\" not found");
  }

  @Test
  void serverErrorsReachTheUserWithTheFieldAndRule() throws Exception {
    Kubectl k = kubectl(KUBECTL);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Objects.workloadYaml("default", "Bad_Name", 1));
    Kubectl.Result r = k.run("apply", "--validate=false", "-f", bad.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("The Workload \"Bad_Name\" is invalid: metadata.name: must consist of lowercase");
    Path missingNs = manifest("no-such-ns", "web", 1);
    Kubectl.Result nf = k.run("apply", "--validate=false", "-f", missingNs.toString());
    assertThat(nf.exit()).isNotZero();
    assertThat(nf.err()).contains("namespace \"no-such-ns\" not found");
  }

  static Stream<Path> versionedKubectls() {
    return Stream.of("1.27", "1.30", "1.33").map(v -> SDK_BIN.resolve("kubectl." + v));
  }

  @ParameterizedTest
  @MethodSource("versionedKubectls")
  void olderAndNewerKubectlsWorkToo(Path binary) throws Exception {
    Kubectl k = kubectl(binary);
    String name = "v" + binary.getFileName().toString().replaceAll("[^0-9]", "");
    Path wl = manifest("default", name, 1);
    assertThat(k.run("apply", "--validate=false", "-f", wl.toString()).out()).contains("created");
    Kubectl.Result get = k.run("get", "wl", name, "-o", "name");
    assertThat(get.out().strip()).as(get.toString()).isEqualTo("workload.nexus.dev/" + name);
    Kubectl.Result del = k.run("delete", "-f", wl.toString());
    assertThat(del.out()).as(del.toString()).contains("deleted");
    List<String> left =
        SERVER.http().get(Objects.workloads("default")).json().findValuesAsText("name");
    assertThat(left).doesNotContain(name);
  }
}
