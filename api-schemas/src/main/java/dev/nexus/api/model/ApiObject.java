package dev.nexus.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed view over one API object's JSON tree: the envelope {@code apiVersion, kind, metadata,
 * spec, status}. Nexus objects are stored and moved as JSON, so the tree is the source of truth;
 * this class only reads and writes well-known envelope fields, leaving unknown ones untouched.
 *
 * <p>The wrapped tree is mutable: call {@link #copy()} before changing an object someone else may
 * hold (a cache entry, a watch event).
 */
public final class ApiObject {
  private final ObjectNode node;

  public ApiObject(ObjectNode node) {
    this.node = node;
  }

  public static ApiObject of(String apiVersion, String kind, String namespace, String name) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("apiVersion", apiVersion);
    n.put("kind", kind);
    ObjectNode meta = n.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return new ApiObject(n);
  }

  /** The underlying JSON tree (not a copy). */
  public ObjectNode node() {
    return node;
  }

  public ApiObject copy() {
    return new ApiObject(node.deepCopy());
  }

  public String apiVersion() {
    return text(node, "apiVersion");
  }

  public String kind() {
    return text(node, "kind");
  }

  /** The metadata object, created empty when missing. */
  public ObjectNode metadata() {
    return child(node, "metadata");
  }

  public String name() {
    return text(node.get("metadata"), "name");
  }

  public String namespace() {
    return text(node.get("metadata"), "namespace");
  }

  public String uid() {
    return text(node.get("metadata"), "uid");
  }

  public String resourceVersion() {
    return text(node.get("metadata"), "resourceVersion");
  }

  public long generation() {
    JsonNode m = node.get("metadata");
    return m == null || m.get("generation") == null ? 0 : m.get("generation").asLong();
  }

  public String deletionTimestamp() {
    return text(node.get("metadata"), "deletionTimestamp");
  }

  public String creationTimestamp() {
    return text(node.get("metadata"), "creationTimestamp");
  }

  public Map<String, String> labels() {
    return stringMap(node.get("metadata"), "labels");
  }

  public Map<String, String> annotations() {
    return stringMap(node.get("metadata"), "annotations");
  }

  public List<String> finalizers() {
    List<String> out = new ArrayList<>();
    JsonNode m = node.get("metadata");
    if (m != null && m.get("finalizers") != null) {
      m.get("finalizers").forEach(f -> out.add(f.asText()));
    }
    return out;
  }

  /** The spec, or null when absent. */
  public JsonNode spec() {
    return node.get("spec");
  }

  /** The status, or null when absent. */
  public JsonNode status() {
    return node.get("status");
  }

  public ApiObject setResourceVersion(String rv) {
    metadata().put("resourceVersion", rv);
    return this;
  }

  private static String text(JsonNode parent, String field) {
    if (parent == null) {
      return null;
    }
    JsonNode v = parent.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  /**
   * The map of strings at {@code parent.field} (labels, annotations, a template's labels) in the
   * document's order; empty when absent or not an object.
   */
  public static Map<String, String> stringMap(JsonNode parent, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (parent != null && parent.get(field) instanceof ObjectNode o) {
      o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiObject other && node.equals(other.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
