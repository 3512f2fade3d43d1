package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in an object's JSON tree, such as {@code spec.template.spec}, that views read without
 * creating it and create only when written: reading a view never changes the object, so a view of
 * an object without {@code status} still sends none.
 */
final class Branch {
  private final ObjectNode root;
  private final List<String> path;

  private Branch(ObjectNode root, List<String> path) {
    this.root = root;
    this.path = path;
  }

  static Branch at(ObjectNode root, String... path) {
    return new Branch(root, List.of(path));
  }

  Branch child(String field) {
    List<String> p = new ArrayList<>(path);
    p.add(field);
    return new Branch(root, List.copyOf(p));
  }

  /** The node here, or a missing node: safe to {@code path(...)} into, never null. */
  JsonNode read() {
    JsonNode n = root;
    for (String f : path) {
      n = n.path(f);
    }
    return n;
  }

  /** The object here, created (with its parents) when missing or not an object. */
  ObjectNode write() {
    ObjectNode n = root;
    for (String f : path) {
      n = Fields.object(n, f);
    }
    return n;
  }
}
