package dev.nexus.apiserver.http;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Store;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Holds the API back while the server starts: HTTP is up at once (so {@code /healthz}, {@code
 * /readyz} and {@code /metrics} answer on a member that has no leader yet or is catching up), but
 * requests under {@code /api} and {@code /apis} are answered 503 with the reason until the server
 * {@link #open opens} the gate. Also the one place that says why the server is not ready.
 */
final class StartGate implements Filter {
  private final Store store;
  private volatile boolean open;

  StartGate(Store store, boolean open) {
    this.store = store;
    this.open = open;
  }

  void open() {
    open = true;
  }

  /** Null when the server is ready to serve; otherwise why not. */
  String notReadyReason() {
    String reason;
    try {
      reason = store.notReadyReason();
    } catch (RuntimeException e) {
      reason = "storage is not ready: " + e.getMessage();
    }
    if (reason == null && !open) {
      reason = "starting: creating the initial namespaces and loading custom resources";
    }
    return reason;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!open && isApi(req.path().absolute().path())) {
      RequestInfo.of(req).set("unready", "api");
      String reason = notReadyReason();
      res.header(HeaderNames.RETRY_AFTER, "1");
      ErrorMapping.send(
          res,
          ApiException.unavailable(
                  "the API server is not ready yet: " + (reason == null ? "starting" : reason))
              .status());
      return;
    }
    chain.proceed();
  }

  private static boolean isApi(String path) {
    return path.equals("/api")
        || path.startsWith("/api/")
        || path.equals("/apis")
        || path.startsWith("/apis/");
  }
}
