package dev.nexus.ctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriberTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private static ApiObject parse(String yaml) throws Exception {
    return new ApiObject((ObjectNode) Json.YAML.readTree(yaml));
  }

  @Test
  void pageSaysWhyAnInstanceIsNotRunning() throws Exception {
    ApiObject inst =
        parse(
            """
            apiVersion: nexus.dev/v1
            kind: Instance
            metadata:
              name: web-1
              namespace: demo
              uid: u-1
              resourceVersion: "12"
              creationTimestamp: "2026-11-27T11:58:00Z"
              labels: {app: web}
              annotations: {nexus.dev/last-applied-configuration: "{}", note: hi}
            spec: {runtime: process, command: [sleep, "1"]}
            status:
              phase: Pending
              reason: Unschedulable
              message: 0/3 nodes have enough memory
              conditions:
              - {type: Scheduled, status: "False", reason: Unschedulable,
                 message: 0/3 nodes have enough memory}
            """);
    ApiObject event =
        parse(
            """
            kind: Event
            metadata: {name: web-1.1, namespace: demo}
            involvedObject: {kind: Instance, name: web-1}
            type: Warning
            reason: FailedScheduling
            message: 0/3 nodes have enough memory
            count: 4
            lastTimestamp: "2026-11-27T11:59:00Z"
            source: {component: scheduler}
            """);

    String page = Describer.describe(BuiltinKinds.INSTANCE, inst, List.of(event), NOW);

    assertThat(page)
        .contains(
            "Name:             web-1\n",
            "Namespace:        demo\n",
            "Kind:             Instance (nexus.dev/v1)\n",
            "Labels:           app=web\n",
            "Annotations:      note=hi\n",
            "Created:          2026-11-27T11:58:00Z (2m ago)\n",
            "Spec:\n  runtime: process\n",
            "Status:\n  phase: Pending\n",
            "Reason:           Unschedulable\n",
            "Message:          0/3 nodes have enough memory\n",
            "Conditions:\n  TYPE        STATUS   REASON          AGE   MESSAGE\n",
            "  Scheduled   False    Unschedulable         0/3 nodes have enough memory\n",
            "Events:\n  TYPE      REASON             AGE        FROM        MESSAGE\n",
            "  Warning   FailedScheduling   60s (x4)   scheduler   0/3 nodes have enough memory\n");
    assertThat(page).doesNotContain("last-applied");
  }

  @Test
  void noStatusAndNoEvents() throws Exception {
    ApiObject ns = parse("{kind: Namespace, metadata: {name: demo}}");
    String page = Describer.describe(BuiltinKinds.NAMESPACE, ns, List.of(), NOW);
    assertThat(page)
        .contains(
            "Name:             demo\n", "Status:           <none>\n", "Events:           <none>\n")
        .doesNotContain("Namespace:");
  }
}
