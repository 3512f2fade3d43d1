package dev.nexus.apiserver.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads request bodies: JSON or YAML objects, at most the configured size. Every failure is a 4xx
 * naming what was wrong: 400 for malformed content, 413 for too large, 415 for a media type the
 * endpoint does not take.
 */
public final class RequestBodies {
  /** What an endpoint accepts. */
  public enum Expect {
    /** A whole object (create, replace): JSON or YAML. */
    OBJECT,
    /** A JSON merge patch (RFC 7386), JSON or YAML. */
    MERGE_PATCH,
    /** Delete options: JSON or YAML, and an empty body is allowed. */
    OPTIONAL_OBJECT
  }

  private final long maxBytes;

  public RequestBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body as an object, or null for an empty body where {@link Expect#OPTIONAL_OBJECT}. */
  public ObjectNode read(ServerRequest req, Expect expect) {
    ObjectMapper mapper = mapperFor(req, expect);
    byte[] body = bytes(req);
    if (body.length == 0 || isBlank(body)) {
      if (expect == Expect.OPTIONAL_OBJECT) {
        return null;
      }
      throw ApiException.badRequest("the request body is empty: expected a JSON or YAML object");
    }
    if (mapper == null) {
      mapper = sniff(body);
    }
    return parse(mapper, body);
  }

  private ObjectMapper mapperFor(ServerRequest req, Expect expect) {
    Optional<HttpMediaType> type;
    try {
      type = req.headers().contentType();
    } catch (RuntimeException e) {
      throw ApiException.unsupportedMediaType(
          "Content-Type \""
              + req.headers().first(HeaderNames.CONTENT_TYPE).orElse("")
              + "\" is not a media type; send application/json or application/yaml");
    }
    if (type.isEmpty()) {
      return null;
    }
    String media = type.get().mediaType().text().toLowerCase(Locale.ROOT);
    if (expect == Expect.MERGE_PATCH) {
      return switch (media) {
        case "application/merge-patch+json", "application/json" -> Json.MAPPER;
        case "application/merge-patch+yaml", "application/yaml" -> Json.YAML;
        case "application/strategic-merge-patch+json",
            "application/json-patch+json",
            "application/apply-patch+yaml" ->
            throw ApiException.unsupportedMediaType(
                "Content-Type "
                    + media
                    + " is not supported for PATCH; send a JSON merge patch (RFC 7386) as"
                    + " application/merge-patch+json");
        default -> throw unsupported(media, "application/merge-patch+json");
      };
    }
    return switch (media) {
      case "application/json" -> Json.MAPPER;
      case "application/yaml", "application/x-yaml", "text/yaml" -> Json.YAML;
      default -> throw unsupported(media, "application/json or application/yaml");
    };
  }

  private static ApiException unsupported(String media, String expected) {
    return ApiException.unsupportedMediaType(
        "Content-Type " + media + " is not supported here; send " + expected);
  }

  private byte[] bytes(ServerRequest req) {
    Optional<Long> declared =
        req.headers().contentLength().isPresent()
            ? Optional.of(req.headers().contentLength().getAsLong())
            : Optional.empty();
    if (declared.isPresent() && declared.get() > maxBytes) {
      throw tooLarge(declared.get());
    }
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      if (declared.isPresent()) {
        // The usual case: one array of the right size (reading up to the limit would allocate
        // and copy in 16 KiB steps); a body shorter than declared was cut off.
        byte[] body = in.readNBytes(declared.get().intValue());
        if (body.length < declared.get()) {
          throw ApiException.badRequest(
              "could not read the request body: it ended after "
                  + body.length
                  + " of "
                  + declared.get()
                  + " bytes");
        }
        return body;
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw tooLarge(-1);
      }
      return body;
    } catch (IOException | UncheckedIOException e) {
      throw ApiException.badRequest("could not read the request body: " + e.getMessage());
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      // Helidon's own reading errors, e.g. the client closed before sending Content-Length bytes.
      throw ApiException.badRequest(
          "could not read the request body ("
              + e.getClass().getSimpleName()
              + "): it ended before the declared Content-Length");
    }
  }

  private ApiException tooLarge(long declared) {
    return ApiException.tooLarge(
        "the request body is larger than the limit of "
            + maxBytes
            + " bytes"
            + (declared > 0 ? " (Content-Length " + declared + ")" : "")
            + "; an object may be at most 1 MiB encoded");
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static ObjectMapper sniff(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[' ? Json.MAPPER : Json.YAML;
      }
    }
    return Json.MAPPER;
  }

  static ObjectNode parse(ObjectMapper mapper, byte[] body) {
    String format = mapper == Json.YAML ? "YAML" : "JSON";
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      JsonNode first = mapper.readTree(parser);
      if (parser.nextToken() != null) {
        throw ApiException.badRequest(
            "the request body holds more than one " + format + " document; send one object");
      }
      if (!(first instanceof ObjectNode obj)) {
        throw ApiException.badRequest(
            "the request body must be a "
                + format
                + " object, found "
                + (first == null
                    ? "nothing"
                    : first.getNodeType().toString().toLowerCase(Locale.ROOT)));
      }
      return obj;
    } catch (JsonProcessingException e) {
      throw malformed(format, e);
    } catch (IOException e) {
      throw ApiException.badRequest("malformed " + format + " body: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      if (e.getCause() instanceof JsonProcessingException jpe) {
        throw malformed(format, jpe);
      }
      throw ApiException.badRequest("malformed " + format + " body: " + e.getMessage());
    }
  }

  private static ApiException malformed(String format, JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    JsonLocation loc = e.getLocation();
    String where =
        loc == null || loc.getLineNr() < 0
            ? ""
            : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    return ApiException.badRequest("malformed " + format + " body" + where + ": " + msg);
  }

  /** The header name, for handlers that log it. */
  static String contentType(ServerRequest req) {
    return req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
  }
}
