package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sandbox runs: a Workload's {@code spec.template.spec} or an Instance's {@code spec} (the
 * same fields; an Instance adds {@code nodeName}, read on {@link Instance}). Probes, volumes and
 * placement have no getters: read them from the JSON; they survive every round trip regardless.
 */
public final class SandboxSpec {
  private final Branch spec;

  SandboxSpec(Branch spec) {
    this.spec = spec;
  }

  /**
   * One entry of {@code ports}.
   *
   * @param name the port's name, or null
   * @param containerPort the port the sandbox listens on
   * @param protocol TCP (the default) or UDP
   */
  public record ContainerPort(String name, int containerPort, String protocol) {}

  /** {@code process}, {@code container} or {@code microvm}. */
  public String runtime() {
    return Fields.text(spec.read(), "runtime");
  }

  public String image() {
    return Fields.text(spec.read(), "image");
  }

  public List<String> command() {
    return Fields.strings(spec.read(), "command");
  }

  public List<String> args() {
    return Fields.strings(spec.read(), "args");
  }

  /** Environment variables with a literal value, by name ({@code valueFrom} ones are left out). */
  public Map<String, String> env() {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode e : spec.read().path("env")) {
      if (e.has("value")) {
        out.put(e.path("name").asText(), e.path("value").asText());
      }
    }
    return Map.copyOf(out);
  }

  public List<ContainerPort> ports() {
    List<ContainerPort> out = new ArrayList<>();
    for (JsonNode p : spec.read().path("ports")) {
      out.add(
          new ContainerPort(
              Fields.text(p, "name"),
              p.path("containerPort").asInt(),
              p.path("protocol").asText("TCP")));
    }
    return List.copyOf(out);
  }

  /** {@code resources.requests}: what the scheduler reserves, e.g. {@code cpu=100m}. */
  public Map<String, String> requests() {
    return Fields.stringMap(spec.read().path("resources"), "requests");
  }

  public Map<String, String> limits() {
    return Fields.stringMap(spec.read().path("resources"), "limits");
  }

  /** {@code Always} (the default), {@code OnFailure} or {@code Never}. */
  public String restartPolicy() {
    String p = Fields.text(spec.read(), "restartPolicy");
    return p == null ? "Always" : p;
  }

  public SandboxSpec runtime(String runtime) {
    Fields.put(spec.write(), "runtime", runtime);
    return this;
  }

  public SandboxSpec image(String image) {
    Fields.put(spec.write(), "image", image);
    return this;
  }

  public SandboxSpec command(String... command) {
    Fields.putStrings(spec.write(), "command", List.of(command));
    return this;
  }

  public SandboxSpec args(String... args) {
    Fields.putStrings(spec.write(), "args", List.of(args));
    return this;
  }

  /** Sets variable {@code name} to a literal value, replacing an entry of that name. */
  public SandboxSpec env(String name, String value) {
    ObjectNode e = named(Fields.array(spec.write(), "env"), "name", name);
    e.removeAll();
    e.put("name", name);
    e.put("value", value);
    return this;
  }

  /** Adds (or renumbers) the port called {@code name}. */
  public SandboxSpec port(String name, int containerPort) {
    named(Fields.array(spec.write(), "ports"), "name", name).put("containerPort", containerPort);
    return this;
  }

  /** Sets one request, e.g. {@code request("cpu", "100m")}. */
  public SandboxSpec request(String resource, String quantity) {
    Fields.putEntry(spec.child("resources").write(), "requests", resource, quantity);
    return this;
  }

  public SandboxSpec limit(String resource, String quantity) {
    Fields.putEntry(spec.child("resources").write(), "limits", resource, quantity);
    return this;
  }

  public SandboxSpec restartPolicy(String policy) {
    Fields.put(spec.write(), "restartPolicy", policy);
    return this;
  }

  private static ObjectNode named(
      com.fasterxml.jackson.databind.node.ArrayNode list, String key, String value) {
    for (JsonNode n : list) {
      if (n instanceof ObjectNode o && value.equals(o.path(key).asText(null))) {
        return o;
      }
    }
    return list.addObject().put(key, value);
  }
}
