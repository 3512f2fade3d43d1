package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.codec.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON answers. */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static void json(ServerResponse res, int code, JsonNode body) {
    json(res, code, body, JSON);
  }

  static void json(ServerResponse res, int code, JsonNode body, String contentType) {
    res.status(code);
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.send(Json.toBytes(body));
  }
}
