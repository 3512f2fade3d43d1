package dev.nexus.apiserver.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A CustomResourceDefinition for tests (Database in a group of the caller's choice). */
final class Crds {
  static final String CRDS = "/apis/nexus.dev/v1/customresourcedefinitions";

  private Crds() {}

  static ObjectNode yaml(String yaml) {
    try {
      return (ObjectNode) Json.YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code databases.<group>}: namespaced, status and scale subresources ({@code
   * .spec.replicas}/{@code .status.replicas}), printer columns Size, Replicas, Ready (wide).
   */
  static ObjectNode database(String group) {
    return yaml(
        """
        apiVersion: nexus.dev/v1
        kind: CustomResourceDefinition
        metadata: {name: databases.GROUP}
        spec:
          group: GROUP
          names: {kind: Database, plural: databases, singular: database, shortNames: [db]}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              subresources:
                status: {}
                scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.ready}
              additionalPrinterColumns:
                - {name: Size, type: string, jsonPath: .spec.size}
                - {name: Replicas, type: integer, jsonPath: .spec.replicas}
                - {name: Ready, type: integer, jsonPath: .status.ready, priority: 1}
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      required: [size]
                      additionalProperties: false
                      properties:
                        size: {type: string, enum: [small, large]}
                        replicas: {type: integer, minimum: 0}
                    status:
                      type: object
                      properties:
                        ready: {type: integer}
        """
            .replace("GROUP", group));
  }

  static String databases(String group, String ns) {
    return "/apis/" + group + "/v1/namespaces/" + ns + "/databases";
  }

  static String dbJson(String group, String ns, String name, String size, int replicas) {
    return "{\"apiVersion\":\""
        + group
        + "/v1\",\"kind\":\"Database\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + ns
        + "\"},\"spec\":{\"size\":\""
        + size
        + "\",\"replicas\":"
        + replicas
        + "}}";
  }
}
