package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.metrics.MetricsRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * {@code /healthz} and {@code /livez} (the process serves HTTP), {@code /readyz} (the server can
 * serve: started, a leader known, caught up; otherwise 503 and why), {@code /version}, and
 * Prometheus {@code /metrics}.
 */
final class SystemEndpoints implements HttpService {
  /** The Kubernetes API level Nexus speaks, reported so that kubectl's version-skew checks pass. */
  static final String KUBE_MAJOR = "1";

  static final String KUBE_MINOR = "32";

  private final StartGate gate;
  private final MetricsRegistry metrics;
  private final String nexusVersion;

  SystemEndpoints(StartGate gate, MetricsRegistry metrics, String nexusVersion) {
    this.gate = gate;
    this.metrics = metrics;
    this.nexusVersion = nexusVersion;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/healthz", this::alive)
        .get("/livez", this::alive)
        .get("/readyz", this::ready)
        .get("/version", this::version)
        .get("/metrics", this::metrics);
  }

  private void alive(ServerRequest req, ServerResponse res) {
    RequestInfo.of(req).set("get", "healthz");
    text(res, 200, "ok");
  }

  private void ready(ServerRequest req, ServerResponse res) {
    RequestInfo.of(req).set("get", "readyz");
    String reason = gate.notReadyReason();
    text(res, reason == null ? 200 : 503, reason == null ? "ok" : "not ready: " + reason);
  }

  private void version(ServerRequest req, ServerResponse res) {
    RequestInfo.of(req).set("get", "version");
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("major", KUBE_MAJOR);
    v.put("minor", KUBE_MINOR);
    v.put("gitVersion", "v" + KUBE_MAJOR + "." + KUBE_MINOR + ".0-nexus-" + nexusVersion);
    v.put("gitCommit", "");
    v.put("gitTreeState", "");
    v.put("buildDate", "");
    v.put("goVersion", "java" + Runtime.version().feature());
    v.put("compiler", "javac");
    v.put(
        "platform",
        System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"));
    v.put("nexusVersion", nexusVersion);
    Responses.json(res, 200, v);
  }

  private void metrics(ServerRequest req, ServerResponse res) {
    RequestInfo.of(req).set("get", "metrics");
    res.header(HeaderNames.CONTENT_TYPE, MetricsRegistry.CONTENT_TYPE);
    res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private static void text(ServerResponse res, int code, String body) {
    res.status(code);
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.send(body.getBytes(StandardCharsets.UTF_8));
  }
}
