package dev.nexus.client.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Manifests;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.kinds.SandboxSpec.ContainerPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The views read the objects a new user applies first (examples/manifests) by the schema's field
 * names, and a read-modify-write through a view keeps every field, known or not.
 */
class ExampleManifestViewsTest {
  private static final Path DIR =
      Path.of(System.getProperty("basedir", "."), "..", "examples", "manifests").normalize();

  static ApiObject manifest(String file) throws IOException {
    Path p = DIR.resolve(file);
    return new ApiObject(Manifests.parse(file, Files.readAllBytes(p)).getFirst().object());
  }

  @Test
  void workloadGettersReadTheManifest() throws IOException {
    Workload web = Workload.of(manifest("10-workload.yaml"));
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.namespace()).isEqualTo("demo");
    assertThat(web.labels()).containsEntry("app", "web");
    assertThat(web.replicas()).as("unset: the server's default").isEqualTo(1);
    assertThat(web.selector().matches(Map.of("app", "web"))).isTrue();
    assertThat(web.selector().matches(Map.of("app", "db"))).isFalse();
    assertThat(web.strategy()).isEqualTo(new Workload.Strategy("RollingUpdate", "1", "0"));
    assertThat(web.template().labels()).isEqualTo(Map.of("app", "web"));
    SandboxSpec spec = web.template().spec();
    assertThat(spec.runtime()).isEqualTo("container");
    assertThat(spec.image()).isEqualTo("localhost/busybox:1.35");
    assertThat(spec.command()).containsExactly("/bin/httpd", "-f", "-p", "8080");
    assertThat(spec.env()).isEqualTo(Map.of("MODE", "demo"));
    assertThat(spec.ports()).containsExactly(new ContainerPort("http", 8080, "TCP"));
    assertThat(spec.requests()).isEqualTo(Map.of("cpu", "100m", "memory", "64Mi"));
    assertThat(spec.limits()).containsEntry("memory", "128Mi");
    assertThat(web.status().readyReplicas()).isZero();
    assertThat(web.conditions()).isEmpty();
  }

  @Test
  void readingEveryGetterLeavesTheObjectAsItWas() throws IOException {
    ApiObject object = manifest("10-workload.yaml");
    ApiObject before = object.copy();
    Workload web = Workload.of(object);
    web.replicas();
    web.selector();
    web.strategy();
    web.template().spec().ports();
    web.status().observedGeneration();
    web.conditions();
    web.ownerReferences();
    assertThat(object).as("no empty status or metadata added by reads").isEqualTo(before);
  }

  @Test
  void aRoundTripThroughAViewKeepsFieldsItDoesNotKnow() throws IOException {
    ObjectNode node = manifest("10-workload.yaml").node();
    node.put("futureTopLevel", "x");
    node.with("spec").put("futureSpecField", 7);
    ObjectNode templateSpec = (ObjectNode) node.path("spec").path("template").path("spec");
    templateSpec.putObject("futureSandboxOption").put("on", true);
    node.putObject("status").put("futureStatus", "kept").put("readyReplicas", 1);

    ApiObject expected = new ApiObject(node.deepCopy());
    ObjectNode e = expected.node();
    e.with("spec").put("replicas", 4);
    e.with("metadata").with("labels").put("tier", "front");
    ((ObjectNode) e.path("spec").path("template").path("spec")).put("image", "localhost/web:2");
    e.with("status").put("readyReplicas", 3);

    Workload web = Workload.of(new ApiObject(node));
    web.replicas(4).label("tier", "front");
    web.template().spec().image("localhost/web:2");
    web.status().readyReplicas(3);

    assertThat(web.apiObject()).isEqualTo(expected);
    assertThat(web.apiObject().node().path("spec").path("futureSpecField").asInt()).isEqualTo(7);
  }

  @Test
  void aCopyIsIndependentOfItsOriginal() throws IOException {
    Workload web = Workload.of(manifest("10-workload.yaml"));
    Workload copy = web.copy().replicas(9);
    copy.template().label("track", "canary");
    assertThat(web.replicas()).isEqualTo(1);
    assertThat(web.template().labels()).doesNotContainKey("track");
    assertThat(copy.replicas()).isEqualTo(9);
  }

  @Test
  void serviceNamespacePolicyAndAutoscalerGettersReadTheirManifests() throws IOException {
    Service svc = Service.of(manifest("20-service.yaml"));
    assertThat(svc.selector()).isEqualTo(Map.of("app", "web"));
    assertThat(svc.ports()).containsExactly(new ServicePort("http", 80, "http", "TCP"));
    assertThat(svc.loadBalancing()).isEqualTo("roundRobin");
    assertThat(svc.clusterIP()).as("not assigned yet").isNull();

    Namespace ns = Namespace.of(manifest("00-namespace.yaml"));
    assertThat(ns.name()).isEqualTo("demo");
    assertThat(ns.label("team")).isEqualTo("getting-started");
    assertThat(ns.phase()).isEqualTo("Active");

    Policy pol = Policy.of(manifest("30-policy.yaml"));
    assertThat(pol.selector().matches(Map.of("app", "web"))).isTrue();
    assertThat(pol.hasNetwork()).isTrue();
    assertThat(pol.hasTraffic()).isFalse();
    assertThat(pol.network().path("ingress").path(0).path("ports").path(0).path("port").asInt())
        .isEqualTo(8080);

    Autoscaler as = Autoscaler.of(manifest("40-autoscaler.yaml"));
    assertThat(as.targetKind()).isEqualTo("Workload");
    assertThat(as.targetName()).isEqualTo("web");
    assertThat(as.minReplicas()).isEqualTo(2);
    assertThat(as.maxReplicas()).isEqualTo(10);
  }

  @Test
  void aViewRefusesAnObjectOfAnotherKind() throws IOException {
    ApiObject namespace = manifest("00-namespace.yaml");
    assertThatThrownBy(() -> Workload.of(namespace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kind: a Workload view needs kind Workload, not Namespace");
  }
}
