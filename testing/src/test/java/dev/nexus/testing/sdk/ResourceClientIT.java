package dev.nexus.testing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConflictException;
import dev.nexus.client.InvalidException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import dev.nexus.client.ResourceClient;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The kind-bound client, subresources, and the typed exceptions a real server's refusals map to.
 */
@NexusTest
class ResourceClientIT {
  NexusClient client;
  TestServer server;

  private static ApiObject workload(String name, int replicas) throws Exception {
    return new ApiObject(
        (ObjectNode)
            Json.MAPPER.readTree(
                """
                {"apiVersion":"nexus.dev/v1","kind":"Workload","metadata":{"name":"%s"},
                 "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web"}},
                         "template":{"metadata":{"labels":{"app":"web"}},
                                     "spec":{"runtime":"process","command":["/bin/sleep","3600"]}}}}
                """
                    .formatted(name, replicas)));
  }

  @Test
  void aNamespacedViewCreatesReadsPatchesScalesAndDeletes() throws Exception {
    String ns = server.newNamespace();
    ResourceClient workloads = client.resource(BuiltinKinds.WORKLOAD).inNamespace(ns);
    ApiObject request = workload("web", 2);
    ApiObject created = workloads.create(request);
    assertThat(created.namespace()).isEqualTo(ns);
    assertThat(request.namespace()).as("the caller's object is left alone").isNull();

    assertThat(workloads.get("web").uid()).isEqualTo(created.uid());
    assertThat(workloads.find("web")).isPresent();
    assertThat(workloads.find("nope")).isEmpty();
    assertThat(workloads.list().items()).extracting(ApiObject::name).containsExactly("web");

    ApiObject scale = workloads.getScale("web");
    assertThat(scale.kind()).isEqualTo("Scale");
    assertThat(scale.node().path("spec").path("replicas").asInt()).isEqualTo(2);
    ApiObject scaled = workloads.scale("web", 5);
    assertThat(scaled.node().path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(workloads.get("web").spec().path("replicas").asInt()).isEqualTo(5);

    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.putObject("status").put("readyReplicas", 3);
    ApiObject patched = workloads.patchStatus("web", status);
    assertThat(patched.status().path("readyReplicas").asInt()).isEqualTo(3);
    assertThat(patched.spec().path("replicas").asInt()).as("spec untouched").isEqualTo(5);

    workloads.delete("web");
    assertThat(workloads.find("web")).isEmpty();
    assertThatThrownBy(() -> workloads.get("web")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusalsArriveAsTypedExceptions() throws Exception {
    String ns = server.newNamespace();
    ResourceClient workloads = client.resource(BuiltinKinds.WORKLOAD).inNamespace(ns);
    ApiObject first = workloads.create(workload("w", 1));

    assertThatThrownBy(() -> workloads.create(workload("w", 1)))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.alreadyExists()).isTrue());

    workloads.scale("w", 3); // moves the resourceVersion on
    ApiObject stale = first.copy();
    stale.node().with("spec").put("replicas", 4);
    assertThatThrownBy(() -> workloads.replace(stale))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.alreadyExists()).isFalse());

    assertThatThrownBy(() -> workloads.create(workload("bad", -1)))
        .isInstanceOfSatisfying(
            InvalidException.class,
            e ->
                assertThat(e.causes())
                    .anySatisfy(c -> assertThat(c.field()).isEqualTo("spec.replicas")));
    assertThatThrownBy(() -> workloads.scale("w", -2))
        .isInstanceOfSatisfying(
            InvalidException.class,
            e ->
                assertThat(e.causes())
                    .extracting(InvalidException.FieldCause::field)
                    .containsExactly("spec.replicas"));
    assertThatThrownBy(
            () -> client.resource(BuiltinKinds.WORKLOAD).inNamespace("nowhere-ns").get("x"))
        .isInstanceOf(NotFoundException.class);
  }
}
