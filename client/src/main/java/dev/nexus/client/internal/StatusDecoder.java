package dev.nexus.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.client.ConflictException;
import dev.nexus.client.GoneException;
import dev.nexus.client.InvalidException;
import dev.nexus.client.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns an error response (ideally a Status body) into the {@link ApiException} it stands for. */
public final class StatusDecoder {
  private StatusDecoder() {}

  /** The exception for an HTTP error {@code code} with {@code body}, which may not be a Status. */
  public static ApiException exception(int code, byte[] body) {
    JsonNode node = null;
    try {
      node = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      // Not JSON (a proxy, or a bare 404 from the HTTP layer): fall through to the text below.
    }
    if (node != null && node.isObject() && node.has("message")) {
      return typed(status(node, code));
    }
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
    String message =
        text.isEmpty() || text.length() > 300 ? "the server answered HTTP " + code : text;
    return typed(new Status(code, reasonFor(code), message, null));
  }

  /**
   * The exception for {@code status}: {@link NotFoundException} (404), {@link ConflictException}
   * (409), {@link InvalidException} (400, 422), {@link GoneException} (410), otherwise a plain
   * {@link ApiException}.
   */
  public static ApiException typed(Status status) {
    return switch (status.code()) {
      case 404 -> new NotFoundException(status);
      case 409 -> new ConflictException(status);
      case 400, 422 -> new InvalidException(status);
      case 410 -> new GoneException(status);
      default -> new ApiException(status);
    };
  }

  /** Reads a Status object (an error body, or the object of an ERROR watch event). */
  public static Status status(JsonNode node, int fallbackCode) {
    int code = node.path("code").asInt(fallbackCode);
    String reason = node.path("reason").asText("");
    String message = node.path("message").asText("");
    Status.Details details = null;
    JsonNode d = node.get("details");
    if (d != null && d.isObject()) {
      List<Status.Cause> causes = new ArrayList<>();
      for (JsonNode c : d.path("causes")) {
        causes.add(
            new Status.Cause(
                textOrNull(c, "field"), textOrNull(c, "message"), textOrNull(c, "reason")));
      }
      details = new Status.Details(textOrNull(d, "name"), textOrNull(d, "kind"), causes);
    }
    return new Status(
        code == 0 ? fallbackCode : code,
        reason.isEmpty() ? reasonFor(code) : reason,
        message.isEmpty() ? "the server answered HTTP " + code : message,
        details);
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 409 -> "Conflict";
      case 410 -> "Expired";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> code >= 500 ? "InternalError" : "Unknown";
    };
  }
}
