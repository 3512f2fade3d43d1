package dev.nexus.examples.staticsite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.EventRecorder;
import dev.nexus.client.controller.OwnerReferences;
import dev.nexus.client.controller.Reconciler;
import dev.nexus.client.controller.Request;
import dev.nexus.client.controller.Result;
import dev.nexus.client.controller.TerminalException;
import java.util.Optional;

/**
 * Makes one StaticSite true: a Workload of {@code spec.replicas} web servers holding {@code
 * spec.files}, and a Service in front of them, both named like the site and controlled by it.
 * Everything it makes is an API object, so it needs no finalizer: deleting the site lets the
 * garbage collector delete them through their owner references.
 */
public record StaticSiteReconciler(NexusClient client, KindInfo sites, EventRecorder events)
    implements Reconciler {
  /** Writes the files from $SITE_FILES (a JSON object) to a fresh directory and serves it. */
  static final String SERVE_SCRIPT =
      """
      import functools, http.server, json, os, tempfile
      root = tempfile.mkdtemp(prefix="site-")
      for name, text in json.loads(os.environ["SITE_FILES"]).items():
          with open(os.path.join(root, name), "w") as f:
              f.write(text)
      handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
      http.server.ThreadingHTTPServer(("", int(os.environ["PORT"])), handler).serve_forever()
      """;

  @Override
  public Result reconcile(Request request) {
    // Read the current state; never trust the event that woke us (it may be old or repeated).
    Optional<ApiObject> found = client.find(sites, request.namespace(), request.name());
    if (found.isEmpty() || found.get().deletionTimestamp() != null) {
      return Result.done(); // gone: the garbage collector removes what it owned
    }
    ApiObject site = found.get();
    int replicas = site.node().at("/spec/replicas").asInt(1);
    int port = site.node().at("/spec/port").asInt(8080);
    ApiObject workload = ensure(BuiltinKinds.WORKLOAD, site, workloadSpec(site, replicas, port));
    ApiObject service = ensure(BuiltinKinds.SERVICE, site, serviceSpec(site, port));
    updateStatus(site, replicas, workload, service);
    return Result.done();
  }

  private static ObjectNode workloadSpec(ApiObject site, int replicas, int port) {
    ObjectNode spec = Json.MAPPER.createObjectNode().put("replicas", replicas);
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").putObject("labels").put("staticsite", site.name());
    ObjectNode run = template.putObject("spec").put("runtime", "process");
    run.putArray("command").add("python3").add("-c").add(SERVE_SCRIPT);
    ArrayNode env = run.putArray("env");
    env.addObject().put("name", "SITE_FILES").put("value", site.spec().get("files").toString());
    env.addObject().put("name", "PORT").put("value", Integer.toString(port));
    run.putArray("ports").addObject().put("name", "http").put("containerPort", port);
    ObjectNode probe = run.putObject("readinessProbe").put("periodSeconds", 2);
    probe.putObject("httpGet").put("path", "/").put("port", port);
    return spec;
  }

  private static ObjectNode serviceSpec(ApiObject site, int port) {
    ObjectNode spec = Json.MAPPER.createObjectNode();
    spec.putObject("selector").put("staticsite", site.name());
    spec.putArray("ports").addObject().put("name", "http").put("port", 80).put("targetPort", port);
    return spec;
  }

  /** Creates the owned object, or merge-patches its spec (a no-op patch writes nothing). */
  private ApiObject ensure(KindInfo kind, ApiObject site, ObjectNode spec) {
    Optional<ApiObject> live = client.find(kind, site.namespace(), site.name());
    if (live.isEmpty()) {
      ApiObject owned = ApiObject.of(kind.apiVersion(), kind.kind(), site.namespace(), site.name());
      owned.node().set("spec", spec);
      OwnerReferences.setController(owned, site);
      ApiObject created = client.create(kind, owned);
      events.normal(site, "Created", "created " + kind.kind() + " " + site.name());
      return created;
    }
    if (!OwnerReferences.isControlledBy(live.get(), site)) {
      throw new TerminalException( // retrying cannot help; the user must rename one of them
          kind.kind() + " " + site.name() + " already exists and is not controlled by this site");
    }
    ObjectNode patch = Json.MAPPER.createObjectNode().set("spec", spec);
    ApiObject patched = client.patch(kind, site.namespace(), site.name(), patch);
    if (!patched.resourceVersion().equals(live.get().resourceVersion())) {
      events.normal(site, "Updated", "updated " + kind.kind() + " " + site.name());
    }
    return patched;
  }

  private void updateStatus(ApiObject site, int replicas, ApiObject workload, ApiObject service) {
    ApiObject updated = site.copy();
    ObjectNode status = updated.node().withObjectProperty("status");
    int ready = workload.node().at("/status/readyReplicas").asInt(0);
    status.put("observedGeneration", site.generation()).put("readyReplicas", ready);
    String ip = service.node().at("/spec/clusterIP").asText(""); // the Service's virtual IP
    if (!ip.isEmpty()) {
      status.put("url", "http://" + ip + "/");
    }
    boolean serving = ready >= replicas;
    String message = ready + " of " + replicas + " replicas ready";
    Conditions.set(status, "Ready", serving, serving ? "Serving" : "Progressing", message);
    if (status.equals(site.status())) {
      return; // nothing new: do not write
    }
    client.updateStatus(sites, updated); // 409 when the site changed meanwhile: retried
    if (serving && !Conditions.isTrue(site.status(), "Ready")) {
      events.normal(site, "Ready", "serving with " + message);
    }
  }
}
