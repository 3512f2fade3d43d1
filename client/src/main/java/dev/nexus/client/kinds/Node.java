package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Node: a machine its agent registers, with capacity, taints, runtimes and conditions. */
public final class Node extends KindObject<Node> {
  public static final KindInfo KIND = BuiltinKinds.NODE;
  public static final TypedKind<Node> TYPE = new TypedKind<>(KIND, Node.class, Node::new);

  /** One {@code spec.taints} entry: instances must tolerate it to run here. */
  public record Taint(String key, String value, String effect) {}

  private Node(ApiObject object) {
    super(object);
  }

  public static Node of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Node named(String name) {
    return new Node(blank(KIND, null, name));
  }

  @Override
  public Node copy() {
    return new Node(apiObject().copy());
  }

  public boolean unschedulable() {
    return Fields.bool(specAt().read(), "unschedulable");
  }

  /** Cordons ({@code true}) or uncordons the node. */
  public Node unschedulable(boolean value) {
    specAt().write().put("unschedulable", value);
    return this;
  }

  public List<Taint> taints() {
    List<Taint> out = new ArrayList<>();
    for (JsonNode t : specAt().read().path("taints")) {
      out.add(new Taint(Fields.text(t, "key"), Fields.text(t, "value"), Fields.text(t, "effect")));
    }
    return List.copyOf(out);
  }

  public String instanceCIDR() {
    return Fields.text(specAt().read(), "instanceCIDR");
  }

  /** {@code status.capacity}: quantities by resource name ({@code cpu}, {@code memory}, ...). */
  public Map<String, String> capacity() {
    return Fields.stringMap(statusAt().read(), "capacity");
  }

  /** {@code status.allocatable}: what the scheduler may hand out. */
  public Map<String, String> allocatable() {
    return Fields.stringMap(statusAt().read(), "allocatable");
  }

  /** Whether its Ready condition is True. */
  public boolean ready() {
    return conditionTrue("Ready");
  }

  /** The first address of type InternalIP, or null. */
  public String internalIP() {
    for (JsonNode a : statusAt().read().path("addresses")) {
      if ("InternalIP".equals(a.path("type").asText())) {
        return Fields.text(a, "address");
      }
    }
    return null;
  }

  /** Names of the runtimes its agent offers ({@code process}, {@code container}, ...). */
  public List<String> runtimes() {
    List<String> out = new ArrayList<>();
    statusAt().read().path("runtimes").forEach(r -> out.add(r.path("name").asText()));
    return List.copyOf(out);
  }

  public String agentEndpoint() {
    return Fields.text(statusAt().read(), "agentEndpoint");
  }
}
