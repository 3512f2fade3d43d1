package dev.nexus.testing.controller;

import static dev.nexus.testing.controller.PolicyEndpoints.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.EventRecorder;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events recorded through the SDK, read back the way {@code nexusctl describe} reads them. */
@NexusTest
class EventRecorderIT {
  NexusClient client;
  TestServer server;

  /** What describe lists: events in the object's namespace with its name as involved object. */
  private List<ApiObject> eventsAbout(ApiObject o) {
    return client
        .listAll(
            BuiltinKinds.EVENT,
            o.namespace(),
            ListOptions.fields("involvedObject.name=" + o.name()))
        .items();
  }

  @Test
  void recordsEventsInTheObjectsNamespaceAndCountsRepeats() {
    String ns = server.newNamespace();
    ApiObject p = client.create(BuiltinKinds.POLICY, policy(ns, "web"));
    EventRecorder recorder = new EventRecorder(client, "policy-controller");

    recorder.normal(p, "Programmed", "rules sent to 3 nodes");
    recorder.normal(p, "Programmed", "rules sent to 3 nodes");
    recorder.normal(p, "Programmed", "rules sent to 3 nodes");
    recorder.warning(p, "NodeUnreachable", "node n2 did not answer");

    List<ApiObject> events = eventsAbout(p);
    assertThat(events).hasSize(2);
    ApiObject programmed =
        events.stream()
            .filter(e -> e.node().path("reason").asText().equals("Programmed"))
            .findFirst()
            .orElseThrow();
    assertThat(programmed.namespace()).isEqualTo(ns);
    assertThat(programmed.node().path("count").asInt()).isEqualTo(3);
    assertThat(programmed.node().path("type").asText()).isEqualTo("Normal");
    assertThat(programmed.node().path("source").path("component").asText())
        .isEqualTo("policy-controller");
    assertThat(programmed.node().path("involvedObject").path("kind").asText()).isEqualTo("Policy");
    assertThat(programmed.node().path("involvedObject").path("uid").asText()).isEqualTo(p.uid());
    assertThat(programmed.node().path("lastTimestamp").asText())
        .isGreaterThanOrEqualTo(programmed.node().path("firstTimestamp").asText());
    ApiObject warning =
        events.stream()
            .filter(e -> e.node().path("reason").asText().equals("NodeUnreachable"))
            .findFirst()
            .orElseThrow();
    assertThat(warning.node().path("type").asText()).isEqualTo("Warning");
    assertThat(warning.node().path("count").asInt()).isEqualTo(1);
  }

  @Test
  void aDeletedEventIsCreatedAgainOnTheNextRepeat() {
    String ns = server.newNamespace();
    ApiObject p = client.create(BuiltinKinds.POLICY, policy(ns, "api"));
    EventRecorder recorder = new EventRecorder(client, "policy-controller");
    recorder.normal(p, "Programmed", "ok");
    ApiObject first = eventsAbout(p).getFirst();
    client.delete(BuiltinKinds.EVENT, ns, first.name(), null);
    recorder.normal(p, "Programmed", "ok");
    List<ApiObject> events = eventsAbout(p);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().name()).isNotEqualTo(first.name());
    assertThat(events.getFirst().node().path("count").asInt()).isEqualTo(1);
  }

  @Test
  void eventsAboutClusterScopedObjectsGoToTheDefaultNamespace() {
    ApiObject namespace = client.get(BuiltinKinds.NAMESPACE, null, server.newNamespace());
    new EventRecorder(client, "test").normal(namespace, "Checked", "fine");
    List<ApiObject> events =
        client
            .listAll(
                BuiltinKinds.EVENT,
                "default",
                ListOptions.fields("involvedObject.name=" + namespace.name()))
            .items();
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().node().path("involvedObject").has("namespace")).isFalse();
  }
}
