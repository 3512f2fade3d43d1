package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Objects for validation tests, written as YAML the way users write them. */
final class Fixtures {
  static final String WORKLOAD =
      """
      apiVersion: nexus.dev/v1
      kind: Workload
      metadata: {name: web, namespace: default, labels: {app: web}}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
        placement:
          nodeSelector: {zone: a}
          antiAffinity: [{labelSelector: {matchLabels: {app: web}}, topologyKey: node}]
          tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
        template:
          metadata: {labels: {app: web}}
          spec:
            runtime: container
            image: localhost/busybox:1.35
            command: ["/bin/httpd", "-f", "-p", "8080"]
            env: [{name: MODE, value: demo}]
            ports: [{name: http, containerPort: 8080}]
            resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 500m, memory: 128Mi}}
            readinessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 2}
            restartPolicy: Always
      """;

  static final String SERVICE =
      """
      apiVersion: nexus.dev/v1
      kind: Service
      metadata: {name: web, namespace: default}
      spec:
        selector: {app: web}
        ports: [{name: http, port: 80, targetPort: 8080, protocol: TCP}]
        loadBalancing: {algorithm: roundRobin}
      """;

  private Fixtures() {}

  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) Json.YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode workload() {
    return yaml(WORKLOAD);
  }
}
