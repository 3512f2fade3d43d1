package dev.nexus.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.api.selector.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules across fields that JSON Schema cannot state. Run only on objects that already passed their
 * schema, so every field read here has the type the schema promises.
 */
final class SemanticRules {
  private final ObjectValidator validator;

  SemanticRules(ObjectValidator validator) {
    this.validator = validator;
  }

  List<Status.Cause> check(KindInfo kind, ObjectNode object) {
    List<Status.Cause> out = new ArrayList<>();
    if (!BuiltinKinds.GROUP.equals(kind.group())) {
      return out;
    }
    JsonNode spec = object.path("spec");
    switch (kind.kind()) {
      case "Workload" -> workload(spec, out);
      case "Instance" -> sandbox("spec", spec, out);
      case "Service" -> service(spec, out);
      case "Policy" -> selector("spec.selector", spec.get("selector"), out);
      case "Autoscaler" -> autoscaler(spec, out);
      case "CustomResourceDefinition" -> crd(object, spec, out);
      default -> {}
    }
    return out;
  }

  private static void workload(JsonNode spec, List<Status.Cause> out) {
    if (spec.has("progressDeadlineSeconds")
        && spec.path("progressDeadlineSeconds").asLong() <= spec.path("minReadySeconds").asLong()) {
      out.add(
          new Status.Cause(
              "spec.progressDeadlineSeconds",
              "must be greater than spec.minReadySeconds ("
                  + spec.path("minReadySeconds").asLong()
                  + "): an instance cannot count as available before the deadline otherwise",
              Reasons.INVALID));
    }
    Map<String, String> labels =
        ApiObject.stringMap(spec.path("template").path("metadata"), "labels");
    JsonNode selectorNode = spec.get("selector");
    LabelSelector selector = selector("spec.selector", selectorNode, out);
    if (selector == null) {
      return;
    }
    if (selector.isEmpty()) {
      if (labels.isEmpty()) {
        out.add(
            new Status.Cause(
                "spec.template.metadata.labels",
                "must not be empty when spec.selector is not set: they select the workload's"
                    + " instances",
                Reasons.REQUIRED));
      }
    } else if (!selector.matches(labels)) {
      out.add(
          new Status.Cause(
              "spec.selector",
              "does not match spec.template.metadata.labels (\"" + selector + "\")",
              Reasons.INVALID));
    }
    sandbox("spec.template.spec", spec.path("template").path("spec"), out);
  }

  /** Port names unique, volume mounts naming declared volumes. */
  private static void sandbox(String path, JsonNode spec, List<Status.Cause> out) {
    unique(path + ".ports", spec.path("ports"), "name", out);
    unique(path + ".volumes", spec.path("volumes"), "name", out);
    Set<String> volumes = new HashSet<>();
    spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
    JsonNode mounts = spec.path("volumeMounts");
    for (int i = 0; i < mounts.size(); i++) {
      String name = mounts.get(i).path("name").asText();
      if (!volumes.contains(name)) {
        out.add(
            new Status.Cause(
                path + ".volumeMounts[" + i + "].name",
                "no volume named \"" + name + "\" in " + path + ".volumes",
                Reasons.INVALID));
      }
    }
  }

  private static void service(JsonNode spec, List<Status.Cause> out) {
    JsonNode ports = spec.path("ports");
    if (ports.size() > 1) {
      for (int i = 0; i < ports.size(); i++) {
        if (!ports.get(i).hasNonNull("name")) {
          out.add(
              new Status.Cause(
                  "spec.ports[" + i + "].name",
                  "is required when a service has more than one port",
                  Reasons.REQUIRED));
        }
      }
    }
    unique("spec.ports", ports, "name", out);
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      String key =
          ports.get(i).path("port").asText() + "/" + ports.get(i).path("protocol").asText("TCP");
      Integer first = seen.putIfAbsent(key, i);
      if (first != null) {
        out.add(
            new Status.Cause(
                "spec.ports[" + i + "].port",
                "duplicates spec.ports[" + first + "] (" + key + ")",
                Reasons.DUPLICATE));
      }
    }
  }

  private static void autoscaler(JsonNode spec, List<Status.Cause> out) {
    int min = spec.path("minReplicas").asInt(1);
    int max = spec.path("maxReplicas").asInt();
    if (min > max) {
      out.add(
          new Status.Cause(
              "spec.minReplicas",
              "must be less than or equal to spec.maxReplicas (" + max + ")",
              Reasons.INVALID));
    }
  }

  private void crd(ObjectNode object, JsonNode spec, List<Status.Cause> out) {
    String group = spec.path("group").asText();
    String expected = spec.path("names").path("plural").asText() + "." + group;
    if (!expected.equals(object.path("metadata").path("name").asText())) {
      out.add(
          new Status.Cause(
              "metadata.name", "must be <plural>.<group>: \"" + expected + "\"", Reasons.INVALID));
    }
    if (BuiltinKinds.GROUP.equals(group)) {
      out.add(
          new Status.Cause(
              "spec.group", "nexus.dev is reserved for built-in kinds", Reasons.FORBIDDEN));
    }
    builtinNameClash(spec.path("names"), out);
    JsonNode versions = spec.path("versions");
    int storage = 0;
    for (JsonNode v : versions) {
      storage += v.path("storage").asBoolean() ? 1 : 0;
    }
    if (storage != 1) {
      out.add(
          new Status.Cause(
              "spec.versions",
              "exactly one version must have storage: true (found " + storage + ")",
              Reasons.INVALID));
    }
    unique("spec.versions", versions, "name", out);
    for (int i = 0; i < versions.size(); i++) {
      JsonNode schema = versions.get(i).path("schema").get("openAPIV3Schema");
      if (schema != null) {
        out.addAll(
            validator.checkSchema("spec.versions[" + i + "].schema.openAPIV3Schema", schema));
      }
    }
  }

  /**
   * A custom kind may not answer to a name a built-in kind answers to: {@code nexusctl get
   * workload} (and kubectl) must keep meaning the built-in one.
   */
  private static void builtinNameClash(JsonNode names, List<Status.Cause> out) {
    checkName("kind", names.path("kind"), out);
    checkName("plural", names.path("plural"), out);
    checkName("singular", names.path("singular"), out);
    JsonNode shortNames = names.path("shortNames");
    for (int i = 0; i < shortNames.size(); i++) {
      checkName("shortNames[" + i + "]", shortNames.get(i), out);
    }
  }

  private static void checkName(String field, JsonNode value, List<Status.Cause> out) {
    if (!value.isTextual()) {
      return;
    }
    for (KindInfo builtin : BuiltinKinds.ALL) {
      if (builtin.answersTo(value.asText())) {
        out.add(
            new Status.Cause(
                "spec.names." + field,
                "\""
                    + value.asText()
                    + "\" is a name of the built-in kind "
                    + builtin.kind()
                    + "; choose another",
                Reasons.DUPLICATE));
        return;
      }
    }
  }

  /** Parses a selector, reporting (and returning null for) one whose keys or values are bad. */
  private static LabelSelector selector(String field, JsonNode node, List<Status.Cause> out) {
    try {
      return LabelSelector.fromJson(node);
    } catch (IllegalArgumentException e) {
      out.add(new Status.Cause(field, e.getMessage(), Reasons.INVALID));
      return null;
    }
  }

  private static void unique(String path, JsonNode items, String key, List<Status.Cause> out) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode value = items.get(i).get(key);
      if (value == null || value.isNull()) {
        continue;
      }
      Integer first = seen.putIfAbsent(value.asText(), i);
      if (first != null) {
        out.add(
            new Status.Cause(
                path + "[" + i + "]." + key,
                "duplicates " + path + "[" + first + "]." + key + " (\"" + value.asText() + "\")",
                Reasons.DUPLICATE));
      }
    }
  }
}
