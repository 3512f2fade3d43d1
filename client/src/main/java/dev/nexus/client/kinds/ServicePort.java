package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One port of a Service or of its ServiceEndpoints.
 *
 * @param name the port's name, or null
 * @param port the port clients connect to on the service's IP
 * @param targetPort the instances' port: a number or a container port's name (default: {@code
 *     port})
 * @param protocol TCP (the default) or UDP
 */
public record ServicePort(String name, int port, String targetPort, String protocol) {
  static List<ServicePort> list(JsonNode ports) {
    List<ServicePort> out = new ArrayList<>();
    for (JsonNode p : ports) {
      int port = p.path("port").asInt();
      String target = Fields.text(p, "targetPort");
      out.add(
          new ServicePort(
              Fields.text(p, "name"),
              port,
              target == null ? String.valueOf(port) : target,
              p.path("protocol").asText("TCP")));
    }
    return List.copyOf(out);
  }
}
