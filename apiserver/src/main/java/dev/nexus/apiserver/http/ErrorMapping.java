package dev.nexus.apiserver.http;

import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses: every error is a Kubernetes-shaped Status JSON body.
 * Client errors are answered as they are; anything unexpected is logged at WARN with the request
 * and answered 500 with a short message, never a stack trace.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  /** The Status a failure is answered with. */
  public static Status status(Throwable t) {
    if (t instanceof ApiException api) {
      return api.status();
    }
    if (t instanceof HttpException he && he.status().code() < 500) {
      int code = he.status().code();
      return new Status(
          code, code == 413 ? "RequestEntityTooLarge" : "BadRequest", he.getMessage(), null);
    }
    if (t instanceof RequestException re) {
      int code = re.status().code();
      return new Status(
          code, code == 413 ? "RequestEntityTooLarge" : "BadRequest", re.getMessage(), null);
    }
    return new Status(
        500,
        "InternalError",
        "an internal error occurred (" + t.getClass().getSimpleName() + "); see the server log",
        null);
  }

  static void handle(ServerRequest req, ServerResponse res, Throwable t) {
    Status status = status(t);
    String what = req.prologue().method().text() + " " + req.path().absolute().path();
    if (status.code() >= 500) {
      LOG.warn("{} failed with {}: {}", what, status.code(), t.toString(), t);
    } else {
      LOG.debug(
          "{} refused with {} {}: {}", what, status.code(), status.reason(), status.message());
    }
    send(res, status);
  }

  static void send(ServerResponse res, Status status) {
    if (res.isSent()) {
      return;
    }
    res.status(status.code());
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(Json.toBytes(StatusBodies.toJson(status)));
  }
}
