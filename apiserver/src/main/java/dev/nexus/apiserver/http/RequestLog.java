package dev.nexus.apiserver.http;

import dev.nexus.apiserver.metrics.ApiMetrics;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and times every request by verb, kind and code, and logs one DEBUG line per request.
 * Exceptions pass through (the error handlers answer them) but are counted with the code they will
 * be answered with.
 */
final class RequestLog implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger("dev.nexus.apiserver.requests");
  private final ApiMetrics metrics;

  RequestLog(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    RequestInfo info = new RequestInfo();
    req.context().register(info);
    int code = 500;
    try {
      chain.proceed();
      code = res.status().code();
    } catch (RuntimeException | Error e) {
      code = ErrorMapping.status(e).code();
      throw e;
    } finally {
      code = info.code(code);
      metrics.request(info.verb(), info.kind(), code, start);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} {} verb={} kind={} {}ms",
            req.prologue().method().text(),
            req.path().absolute().path()
                + (req.query().isEmpty() ? "" : "?" + req.query().rawValue()),
            code,
            info.verb(),
            info.kind(),
            (System.nanoTime() - start) / 1_000_000);
      }
    }
  }
}
