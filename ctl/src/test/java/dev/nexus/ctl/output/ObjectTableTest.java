package dev.nexus.ctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectTableTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private static ApiObject parse(String yaml) throws Exception {
    return new ApiObject((ObjectNode) Json.YAML.readTree(yaml));
  }

  @Test
  void aWorkloadWithoutReplicasWantsOne() throws Exception {
    ApiObject one =
        parse(
            """
            apiVersion: nexus.dev/v1
            kind: Workload
            metadata: {name: one, namespace: demo, creationTimestamp: "2026-11-27T11:59:00Z"}
            spec: {template: {spec: {runtime: process, command: [/bin/true]}}}
            status: {readyReplicas: 0, updatedReplicas: 1, availableReplicas: 0}
            """);
    assertThat(new ObjectTable(BuiltinKinds.WORKLOAD, false, false, false, NOW).row(one))
        .startsWith("one", "0/1");
  }

  @Test
  void workloadColumnsShowReadiness() throws Exception {
    ApiObject web =
        parse(
            """
            apiVersion: nexus.dev/v1
            kind: Workload
            metadata: {name: web, namespace: demo, creationTimestamp: "2026-11-27T11:55:00Z",
                       labels: {app: web, tier: front}}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template: {spec: {runtime: container, image: "localhost/busybox:1.35"}}
            status: {readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2}
            """);
    ObjectTable plain = new ObjectTable(BuiltinKinds.WORKLOAD, false, false, false, NOW);
    assertThat(plain.table(List.of(web)).render(true))
        .isEqualTo(
            """
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE
            web    2/3     3            2           5m
            """);

    ObjectTable wide = new ObjectTable(BuiltinKinds.WORKLOAD, true, true, true, NOW);
    assertThat(wide.headers())
        .containsExactly(
            "NAMESPACE",
            "NAME",
            "READY",
            "UP-TO-DATE",
            "AVAILABLE",
            "AGE",
            "RUNTIME",
            "IMAGE",
            "SELECTOR",
            "LABELS");
    assertThat(wide.row(web))
        .containsExactly(
            "demo",
            "web",
            "2/3",
            "3",
            "2",
            "5m",
            "container",
            "localhost/busybox:1.35",
            "app=web",
            "app=web,tier=front");
  }

  @Test
  void workloadWithoutStatusShowsZeros() throws Exception {
    ApiObject fresh = parse("{kind: Workload, metadata: {name: x}, spec: {replicas: 2}}");
    assertThat(new ObjectTable(BuiltinKinds.WORKLOAD, false, false, false, NOW).row(fresh))
        .containsExactly("x", "0/2", "0", "0", "<unknown>");
  }

  @Test
  void instanceServiceNamespaceAndNodeColumns() throws Exception {
    ApiObject pending =
        parse(
            "{kind: Instance, metadata: {name: web-1}, spec: {runtime: process},"
                + " status: {phase: Pending, reason: Unschedulable}}");
    assertThat(new ObjectTable(BuiltinKinds.INSTANCE, false, false, false, NOW).row(pending))
        .containsExactly("web-1", "Unschedulable", "<none>", "<unknown>");

    ApiObject svc =
        parse(
            "{kind: Service, metadata: {name: web}, spec: {clusterIP: 10.96.0.10,"
                + " ports: [{port: 80, targetPort: 8080}, {port: 443, protocol: UDP}]}}");
    assertThat(new ObjectTable(BuiltinKinds.SERVICE, false, false, false, NOW).row(svc))
        .containsExactly("web", "10.96.0.10", "80/TCP,443/UDP", "<unknown>");

    ApiObject ns = parse("{kind: Namespace, metadata: {name: demo}}");
    // Cluster-scoped kinds never get a NAMESPACE column, even with -A.
    assertThat(new ObjectTable(BuiltinKinds.NAMESPACE, false, true, false, NOW).row(ns))
        .containsExactly("demo", "Active", "<unknown>");

    ApiObject node =
        parse(
            "{kind: Node, metadata: {name: n1}, spec: {unschedulable: true},"
                + " status: {conditions: [{type: Ready, status: 'True'}]}}");
    assertThat(new ObjectTable(BuiltinKinds.NODE, false, false, false, NOW).row(node))
        .containsExactly("n1", "Ready,SchedulingDisabled", "<unknown>");
  }

  @Test
  void qualifiedNamesAreLowerCaseKindDotGroup() {
    assertThat(ObjectTable.qualifiedName(BuiltinKinds.WORKLOAD, "web"))
        .isEqualTo("workload.nexus.dev/web");
    assertThat(ObjectTable.qualifiedKind(BuiltinKinds.SERVICE_ENDPOINTS))
        .isEqualTo("serviceendpoints.nexus.dev");
  }
}
