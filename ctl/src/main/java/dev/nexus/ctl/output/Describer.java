package dev.nexus.ctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.Age;
import dev.nexus.api.model.ApiObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page {@code nexusctl describe} prints for one object: identity, labels, the spec and status
 * as indented YAML, then what a user asks when something does not run — the status reason and
 * message, each condition that is not True with its reason, and the object's events.
 */
public final class Describer {
  private static final String LAST_APPLIED = "nexus.dev/last-applied-configuration";
  private static final int KEY_WIDTH = 18;

  private Describer() {}

  public static String describe(KindInfo kind, ApiObject o, List<ApiObject> events, Instant now) {
    StringBuilder b = new StringBuilder();
    field(b, "Name", o.name());
    if (kind.namespaced()) {
      field(b, "Namespace", o.namespace());
    }
    field(b, "Kind", kind.kind() + " (" + kind.apiVersion() + ")");
    field(b, "Labels", multi(o.labels()));
    Map<String, String> annotations = new java.util.LinkedHashMap<>(o.annotations());
    annotations.remove(LAST_APPLIED);
    field(b, "Annotations", multi(annotations));
    String created = o.creationTimestamp();
    field(
        b,
        "Created",
        created == null ? Fields.NONE : created + " (" + Age.since(created, now) + " ago)");
    if (o.deletionTimestamp() != null) {
      field(b, "Deleting Since", o.deletionTimestamp());
      field(
          b,
          "Finalizers",
          o.finalizers().isEmpty() ? Fields.NONE : String.join(", ", o.finalizers()));
    }
    field(b, "UID", nullToNone(o.uid()));
    field(b, "Resource Version", nullToNone(o.resourceVersion()));
    if (o.generation() > 0) {
      field(b, "Generation", String.valueOf(o.generation()));
    }
    JsonNode owners = o.metadata().path("ownerReferences");
    if (owners.isArray() && !owners.isEmpty()) {
      List<String> names = new ArrayList<>();
      owners.forEach(r -> names.add(r.path("kind").asText() + "/" + r.path("name").asText()));
      field(b, "Controlled By", String.join(", ", names));
    }
    block(b, "Spec", o.spec());
    JsonNode status = o.status();
    block(b, "Status", withoutConditions(status));
    whyNotRunning(b, status);
    conditions(b, status, now);
    events(b, events, now);
    return b.toString();
  }

  private static void whyNotRunning(StringBuilder b, JsonNode status) {
    if (status == null) {
      return;
    }
    if (status.hasNonNull("reason")) {
      field(b, "Reason", status.get("reason").asText());
    }
    if (status.hasNonNull("message")) {
      field(b, "Message", status.get("message").asText());
    }
  }

  private static void conditions(StringBuilder b, JsonNode status, Instant now) {
    JsonNode conditions = status == null ? null : status.get("conditions");
    if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
      return;
    }
    b.append("Conditions:\n");
    Table t = new Table(List.of("TYPE", "STATUS", "REASON", "AGE", "MESSAGE"));
    for (JsonNode c : conditions) {
      t.add(
          List.of(
              c.path("type").asText(),
              c.path("status").asText(),
              c.path("reason").asText(""),
              c.hasNonNull("lastTransitionTime")
                  ? Age.since(c.get("lastTransitionTime").asText(), now)
                  : "",
              c.path("message").asText("")));
    }
    indent(b, t.render(true));
  }

  private static void events(StringBuilder b, List<ApiObject> events, Instant now) {
    if (events.isEmpty()) {
      field(b, "Events", Fields.NONE);
      return;
    }
    b.append("Events:\n");
    Table t = new Table(List.of("TYPE", "REASON", "AGE", "FROM", "MESSAGE"));
    for (ApiObject e : events) {
      JsonNode n = e.node();
      String when = Fields.text(n, "lastTimestamp", Fields.text(n, "firstTimestamp", null));
      String count = n.path("count").asInt(1) > 1 ? " (x" + n.path("count").asInt() + ")" : "";
      t.add(
          List.of(
              Fields.text(n, "type", "Normal"),
              Fields.text(n, "reason", ""),
              Age.since(when, now) + count,
              Fields.text(n, "source.component", ""),
              Fields.text(n, "message", "")));
    }
    indent(b, t.render(true));
  }

  private static JsonNode withoutConditions(JsonNode status) {
    if (!(status instanceof ObjectNode s)) {
      return status;
    }
    ObjectNode copy = s.deepCopy();
    copy.remove("conditions");
    copy.remove("reason");
    copy.remove("message");
    return copy;
  }

  private static void block(StringBuilder b, String title, JsonNode node) {
    if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
      field(b, title, Fields.NONE);
      return;
    }
    b.append(title).append(":\n");
    indent(b, Json.toYaml(node));
  }

  private static void indent(StringBuilder b, String text) {
    text.lines().forEach(l -> b.append("  ").append(l).append('\n'));
  }

  private static void field(StringBuilder b, String key, String value) {
    String k = key + ":";
    b.append(k).repeat(' ', Math.max(1, KEY_WIDTH - k.length())).append(value).append('\n');
  }

  private static String multi(Map<String, String> map) {
    if (map.isEmpty()) {
      return Fields.NONE;
    }
    List<String> lines = new ArrayList<>();
    map.forEach((k, v) -> lines.add(k + "=" + v));
    return String.join("\n" + " ".repeat(KEY_WIDTH), lines);
  }

  private static String nullToNone(String s) {
    return s == null ? Fields.NONE : s;
  }
}
