package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.util.ArrayList;
import java.util.List;

/** ServiceEndpoints: a Service's backends with weights, as mesh routing computes them. */
public final class ServiceEndpoints extends KindObject<ServiceEndpoints> {
  public static final KindInfo KIND = BuiltinKinds.SERVICE_ENDPOINTS;
  public static final TypedKind<ServiceEndpoints> TYPE =
      new TypedKind<>(KIND, ServiceEndpoints.class, ServiceEndpoints::new);

  /**
   * One backend.
   *
   * @param address its IP
   * @param nodeName the node it runs on, or null
   * @param instanceName the Instance behind it, or null
   * @param ready whether it takes traffic (default true)
   * @param weight its share of traffic relative to the others (default 1)
   */
  public record Endpoint(
      String address, String nodeName, String instanceName, boolean ready, int weight) {}

  private ServiceEndpoints(ApiObject object) {
    super(object);
  }

  public static ServiceEndpoints of(ApiObject object) {
    return TYPE.of(object);
  }

  public static ServiceEndpoints named(String namespace, String name) {
    return new ServiceEndpoints(blank(KIND, namespace, name));
  }

  @Override
  public ServiceEndpoints copy() {
    return new ServiceEndpoints(apiObject().copy());
  }

  public String clusterIP() {
    return Fields.text(specAt().read(), "clusterIP");
  }

  public List<ServicePort> ports() {
    return ServicePort.list(specAt().read().path("ports"));
  }

  public List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (JsonNode e : specAt().read().path("endpoints")) {
      out.add(
          new Endpoint(
              Fields.text(e, "address"),
              Fields.text(e, "nodeName"),
              Fields.text(e.path("instanceRef"), "name"),
              e.path("ready").asBoolean(true),
              Fields.integer(e, "weight", 1)));
    }
    return List.copyOf(out);
  }
}
