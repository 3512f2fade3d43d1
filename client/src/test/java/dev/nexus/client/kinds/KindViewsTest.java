package dev.nexus.client.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The views of the kinds controllers and agents write read the schema's field names. */
class KindViewsTest {
  private static ApiObject json(String text) throws Exception {
    return new ApiObject((ObjectNode) Json.MAPPER.readTree(text));
  }

  @Test
  void everyBuiltinKindHasAView() {
    List<TypedKind<?>> types =
        List.of(
            Namespace.TYPE,
            Node.TYPE,
            Lease.TYPE,
            Workload.TYPE,
            Instance.TYPE,
            Service.TYPE,
            ServiceEndpoints.TYPE,
            Policy.TYPE,
            Autoscaler.TYPE,
            CustomResourceDefinition.TYPE,
            Event.TYPE);
    assertThat(types).extracting(TypedKind::kind).containsExactlyElementsOf(BuiltinKinds.ALL);
  }

  @Test
  void instanceReadsBindingPhaseReadinessAndTemplateHash() throws Exception {
    Instance i =
        Instance.of(
            json(
                """
                {"apiVersion":"nexus.dev/v1","kind":"Instance",
                 "metadata":{"name":"web-abc12-x","namespace":"d",
                             "labels":{"nexus.dev/template-hash":"abc12"}},
                 "spec":{"runtime":"process","command":["/bin/sleep"],"nodeName":"n1"},
                 "status":{"phase":"Running","instanceIP":"10.1.0.5",
                           "conditions":[{"type":"Ready","status":"True"}]}}
                """));
    assertThat(i.nodeName()).isEqualTo("n1");
    assertThat(i.phase()).isEqualTo("Running");
    assertThat(i.ready()).isTrue();
    assertThat(i.templateHash()).isEqualTo("abc12");
    assertThat(i.instanceIP()).isEqualTo("10.1.0.5");
    assertThat(i.spec().command()).containsExactly("/bin/sleep");
    assertThat(Instance.named("d", "p").phase()).as("no status yet").isEqualTo("Pending");
    assertThat(Instance.named("d", "p").nodeName()).isNull();
  }

  @Test
  void leaseReadsAndWritesItsHolderAndTimes() {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    Lease l = Lease.named("ns", "lock").holderIdentity("a").leaseDurationSeconds(15).renewTime(t);
    assertThat(l.holderIdentity()).isEqualTo("a");
    assertThat(l.renewTime()).contains(t);
    assertThat(l.expiredAt(t.plusSeconds(14))).isFalse();
    assertThat(l.expiredAt(t.plusSeconds(15))).isTrue();
    l.holderIdentity(null);
    assertThat(l.holderIdentity()).isNull();
    assertThat(l.node().path("spec").get("holderIdentity").isNull()).isTrue();
    assertThat(l.expiredAt(t)).as("released").isTrue();
  }

  @Test
  void eventReadsItsTopLevelFields() throws Exception {
    Event e =
        Event.of(
            json(
                """
                {"apiVersion":"nexus.dev/v1","kind":"Event","metadata":{"name":"e","namespace":"d"},
                 "involvedObject":{"apiVersion":"nexus.dev/v1","kind":"Workload","namespace":"d",
                                   "name":"web","uid":"u1"},
                 "reason":"ScaledUp","message":"made web-1","type":"Normal","count":3,
                 "lastTimestamp":"2025-01-01T00:00:05Z","source":{"component":"workload"}}
                """));
    assertThat(e.involvedObject())
        .isEqualTo(new Event.InvolvedObject("nexus.dev/v1", "Workload", "d", "web", "u1"));
    assertThat(e.reason()).isEqualTo("ScaledUp");
    assertThat(e.message()).isEqualTo("made web-1");
    assertThat(e.count()).isEqualTo(3);
    assertThat(e.warning()).isFalse();
    assertThat(e.lastTimestamp()).contains(Instant.parse("2025-01-01T00:00:05Z"));
    assertThat(e.source()).isEqualTo("workload");
  }

  @Test
  void nodeEndpointsAndCrdReadTheirSchemas() throws Exception {
    Node n =
        Node.of(
            json(
                """
                {"apiVersion":"nexus.dev/v1","kind":"Node","metadata":{"name":"n1"},
                 "spec":{"taints":[{"key":"dedicated","value":"web","effect":"NoSchedule"}]},
                 "status":{"capacity":{"cpu":"4","memory":"8Gi"},
                           "addresses":[{"type":"InternalIP","address":"10.0.0.1"}],
                           "runtimes":[{"name":"process"}],
                           "conditions":[{"type":"Ready","status":"False"}]}}
                """));
    assertThat(n.taints()).containsExactly(new Node.Taint("dedicated", "web", "NoSchedule"));
    assertThat(n.capacity()).isEqualTo(Map.of("cpu", "4", "memory", "8Gi"));
    assertThat(n.internalIP()).isEqualTo("10.0.0.1");
    assertThat(n.runtimes()).containsExactly("process");
    assertThat(n.ready()).isFalse();
    assertThat(n.unschedulable(true).unschedulable()).isTrue();

    ServiceEndpoints ep =
        ServiceEndpoints.of(
            json(
                """
                {"apiVersion":"nexus.dev/v1","kind":"ServiceEndpoints",
                 "metadata":{"name":"web","namespace":"d"},
                 "spec":{"clusterIP":"10.96.0.10","ports":[{"port":80}],
                         "endpoints":[{"address":"10.1.0.5","instanceRef":{"name":"web-1"}}]}}
                """));
    assertThat(ep.endpoints())
        .containsExactly(new ServiceEndpoints.Endpoint("10.1.0.5", null, "web-1", true, 1));
    assertThat(ep.ports()).containsExactly(new ServicePort(null, 80, "80", "TCP"));

    CustomResourceDefinition crd =
        CustomResourceDefinition.of(
            json(
                """
                {"apiVersion":"nexus.dev/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"sites.example.com"},
                 "spec":{"group":"example.com","scope":"Namespaced",
                         "names":{"kind":"Site","plural":"sites"},
                         "versions":[{"name":"v1","served":true,"storage":true,
                                      "subresources":{"status":{}}}]}}
                """));
    assertThat(crd.definedKind()).isEqualTo("Site");
    assertThat(crd.servedKinds())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.apiVersion()).isEqualTo("example.com/v1");
              assertThat(k.statusSubresource()).isTrue();
            });
  }

  @Test
  void conditionsKeepTheirTransitionTimeWhileUnchanged() throws Exception {
    Workload w = Workload.named("d", "w");
    w.condition("Available", false, "Starting", "0 of 1 ready");
    String since = w.condition("Available").orElseThrow().lastTransitionTime();
    w.condition("Available", false, "Starting", "still 0 of 1 ready");
    assertThat(w.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.message()).isEqualTo("still 0 of 1 ready");
              assertThat(c.lastTransitionTime()).isEqualTo(since);
            });
  }
}
