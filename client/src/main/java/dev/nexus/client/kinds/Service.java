package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.util.List;
import java.util.Map;

/** A Service: a stable virtual IP and ports in front of the ready instances its selector picks. */
public final class Service extends KindObject<Service> {
  public static final KindInfo KIND = BuiltinKinds.SERVICE;
  public static final TypedKind<Service> TYPE = new TypedKind<>(KIND, Service.class, Service::new);

  private Service(ApiObject object) {
    super(object);
  }

  public static Service of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Service named(String namespace, String name) {
    return new Service(blank(KIND, namespace, name));
  }

  @Override
  public Service copy() {
    return new Service(apiObject().copy());
  }

  /** {@code spec.selector}: instances with all of these labels are its backends. */
  public Map<String, String> selector() {
    return Fields.stringMap(specAt().read(), "selector");
  }

  public Service selector(Map<String, String> labels) {
    Fields.putStringMap(specAt().write(), "selector", labels);
    return this;
  }

  public List<ServicePort> ports() {
    return ServicePort.list(specAt().read().path("ports"));
  }

  /** Adds a TCP port, or changes the port of that name. */
  public Service port(String name, int port, int targetPort) {
    var ports = Fields.array(specAt().write(), "ports");
    ObjectNode p = null;
    for (var n : ports) {
      if (n instanceof ObjectNode o && name.equals(o.path("name").asText(null))) {
        p = o;
      }
    }
    if (p == null) {
      p = ports.addObject().put("name", name);
    }
    p.put("port", port).put("targetPort", targetPort);
    return this;
  }

  /** The virtual IP: as assigned in {@code status.clusterIP}, else as asked in spec; or null. */
  public String clusterIP() {
    String assigned = Fields.text(statusAt().read(), "clusterIP");
    return assigned != null ? assigned : Fields.text(specAt().read(), "clusterIP");
  }

  /** {@code roundRobin} (the default), {@code leastRequest}, {@code random} or {@code maglev}. */
  public String loadBalancing() {
    String a = Fields.text(specAt().read().path("loadBalancing"), "algorithm");
    return a == null ? "roundRobin" : a;
  }

  public Service loadBalancing(String algorithm) {
    Fields.object(specAt().write(), "loadBalancing").put("algorithm", algorithm);
    return this;
  }
}
