package dev.nexus.testing.controller;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Reconciler;
import dev.nexus.client.controller.Request;
import dev.nexus.client.controller.Result;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The reconciler the controller tests run, as a user would write one: for every Policy in its
 * namespace keep a ServiceEndpoints named {@code <policy>-ep} owned by it, and report Ready with
 * the generation it saw. Requests from other namespaces (other tests' objects) are ignored.
 */
final class PolicyEndpoints implements Reconciler {
  final NexusClient client;
  final String namespace;
  final List<Request> seen = new CopyOnWriteArrayList<>();

  PolicyEndpoints(NexusClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  static ApiObject policy(String ns, String name) {
    ApiObject p = ApiObject.of(BuiltinKinds.API_VERSION, "Policy", ns, name);
    p.node().putObject("spec");
    return p;
  }

  long reconcilesOf(String name) {
    return seen.stream().filter(r -> r.name().equals(name)).count();
  }

  @Override
  public Result reconcile(Request request) {
    if (!namespace.equals(request.namespace())) {
      return Result.done();
    }
    seen.add(request);
    Optional<ApiObject> found = client.find(BuiltinKinds.POLICY, namespace, request.name());
    if (found.isEmpty()) {
      return Result.done(); // gone: its endpoints are garbage-collected by owner
    }
    ApiObject policy = found.get();
    String epName = policy.name() + "-ep";
    if (client.find(BuiltinKinds.SERVICE_ENDPOINTS, namespace, epName).isEmpty()) {
      ApiObject ep = ApiObject.of(BuiltinKinds.API_VERSION, "ServiceEndpoints", namespace, epName);
      OwnerReferences.setController(ep, policy);
      client.create(BuiltinKinds.SERVICE_ENDPOINTS, ep);
    }
    ApiObject next = policy.copy();
    ObjectNode status = next.status() instanceof ObjectNode s ? s : next.node().putObject("status");
    boolean changed =
        Conditions.set(status, "Ready", true, "EndpointsCreated", "endpoints " + epName);
    if (changed || status.path("observedGeneration").asLong() != policy.generation()) {
      status.put("observedGeneration", policy.generation());
      client.updateStatus(BuiltinKinds.POLICY, next);
    }
    return Result.done();
  }

  static ObjectNode labelPatch(String key, String value) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("metadata").putObject("labels").put(key, value);
    return patch;
  }

  static ObjectNode specPatch(String app) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("spec").putObject("selector").putObject("matchLabels").put("app", app);
    return patch;
  }
}
