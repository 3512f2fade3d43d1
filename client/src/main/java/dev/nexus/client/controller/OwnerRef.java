package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code metadata.ownerReferences}: the owner lives in the owned object's namespace
 * (or is cluster-scoped), so kind and name identify it and uid pins the exact incarnation.
 */
public record OwnerRef(
    String apiVersion,
    String kind,
    String name,
    String uid,
    boolean controller,
    boolean blockOwnerDeletion) {

  static OwnerRef from(JsonNode n) {
    return new OwnerRef(
        n.path("apiVersion").asText(null),
        n.path("kind").asText(null),
        n.path("name").asText(null),
        n.path("uid").asText(null),
        n.path("controller").asBoolean(false),
        n.path("blockOwnerDeletion").asBoolean(false));
  }

  ObjectNode toNode() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("apiVersion", apiVersion);
    n.put("kind", kind);
    n.put("name", name);
    n.put("uid", uid);
    if (controller) {
      n.put("controller", true);
    }
    if (blockOwnerDeletion) {
      n.put("blockOwnerDeletion", true);
    }
    return n;
  }
}
