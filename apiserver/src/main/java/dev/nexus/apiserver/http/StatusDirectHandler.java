package dev.nexus.apiserver.http;

import dev.nexus.api.codec.Json;
import dev.nexus.api.error.Status;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers the requests Helidon refuses before routing (a malformed request line or URI encoding, an
 * oversized header) with the same Status JSON body as everything else, instead of plain text.
 */
final class StatusDirectHandler implements DirectHandler {
  static DirectHandlers handlers() {
    DirectHandlers.Builder b = DirectHandlers.builder();
    StatusDirectHandler h = new StatusDirectHandler();
    for (EventType type : EventType.values()) {
      b.addHandler(type, h);
    }
    return b.build();
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      io.helidon.http.Status status,
      ServerResponseHeaders headers,
      String message) {
    int code = status.code();
    String reason =
        switch (code) {
          case 400 -> "BadRequest";
          case 403 -> "Forbidden";
          case 413 -> "RequestEntityTooLarge";
          case 500 -> "InternalError";
          default -> status.reasonPhrase().replace(" ", "");
        };
    String text =
        message == null || message.isBlank()
            ? "the request could not be read (" + status.reasonPhrase() + ")"
            : message;
    byte[] body = Json.toBytes(StatusBodies.toJson(new Status(code, reason, text, null)));
    headers.set(HeaderNames.CONTENT_TYPE, "application/json");
    return TransportResponse.builder()
        .status(status)
        .headers(headers)
        .entity(body)
        .keepAlive(eventType.keepAlive())
        .build();
  }
}
