package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Workloads to create and a stand-in for the node agent, for the integration tests. */
final class Fixtures {
  private Fixtures() {}

  static ApiObject workload(String ns, String name, int replicas, String command) {
    ApiObject w = ApiObject.of(BuiltinKinds.WORKLOAD.apiVersion(), "Workload", ns, name);
    w.metadata().putObject("labels").put("app", name);
    ObjectNode spec = w.node().putObject("spec");
    spec.put("replicas", replicas);
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").putObject("labels").put("app", name);
    ObjectNode ts = template.putObject("spec");
    ts.put("runtime", "process");
    ts.putArray("command").add(command);
    return w;
  }

  static List<ApiObject> instances(NexusClient client, String ns) {
    return client.listAll(BuiltinKinds.INSTANCE, ns, ListOptions.none()).items();
  }

  /** Plays the node agent: reports the Instance Running and Ready through /status. */
  static void markReady(NexusClient client, ApiObject instance) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    ObjectNode status = patch.putObject("status");
    status.put("phase", "Running");
    ObjectNode ready = status.putArray("conditions").addObject();
    ready.put("type", "Ready");
    ready.put("status", "True");
    ready.put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    client.patchStatus(BuiltinKinds.INSTANCE, instance.namespace(), instance.name(), patch);
  }

  /** Plays the node agent: reports the Instance's sandbox as ended in failure. */
  static void markFailed(NexusClient client, ApiObject instance) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("status").put("phase", "Failed").put("reason", "Error").put("exitCode", 1);
    client.patchStatus(BuiltinKinds.INSTANCE, instance.namespace(), instance.name(), patch);
  }

  static boolean isReady(ApiObject instance) {
    return InstanceView.of(instance).ready();
  }
}
