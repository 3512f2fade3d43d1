package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import java.io.IOException;
import java.util.Base64;

/**
 * The opaque {@code continue} value of a paged list: the last key returned and the revision of the
 * first page, base64url-encoded JSON. Every page reports the first page's revision, so a watch
 * started from it replays anything that changed while the pages were read (it may repeat a change,
 * it never misses one).
 *
 * @param lastKey the last key the previous page returned; the next page starts after it
 * @param revision the revision of the first page
 */
public record ContinueToken(String lastKey, long revision) {

  public String encode() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("k", lastKey);
    n.put("rv", revision);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.toBytes(n));
  }

  /**
   * Decodes a token for a list over {@code prefix}; anything else is a 400 naming the parameter.
   */
  public static ContinueToken decode(String token, String prefix) {
    try {
      JsonNode n = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
      JsonNode key = n == null ? null : n.get("k");
      JsonNode rv = n == null ? null : n.get("rv");
      if (key == null || !key.isTextual() || rv == null || !rv.canConvertToLong()) {
        throw invalid();
      }
      if (!key.asText().startsWith(prefix)) {
        throw ApiException.badRequest(
            "continue: the token was issued for a different list; start the list again without it");
      }
      return new ContinueToken(key.asText(), rv.asLong());
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest(
        "continue: not a token this server issued; pass the metadata.continue of a previous list");
  }
}
