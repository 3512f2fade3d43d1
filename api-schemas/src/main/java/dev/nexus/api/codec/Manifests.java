package dev.nexus.api.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses manifests: multi-document YAML (documents separated by {@code ---}), a JSON object, a JSON
 * array of objects, or a {@code kind: List} with {@code items}. Empty documents are skipped.
 */
public final class Manifests {
  private Manifests() {}

  public static List<Document> parse(String source, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    List<Document> out = new ArrayList<>();
    int index = 0;
    try (JsonParser parser = (json ? Json.MAPPER : Json.YAML).getFactory().createParser(content);
        MappingIterator<JsonNode> it =
            (json ? Json.MAPPER : Json.YAML).readerFor(JsonNode.class).readValues(parser)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        int docIndex = index++;
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        for (JsonNode item : flatten(node)) {
          if (!(item instanceof ObjectNode obj)) {
            throw new ManifestException(
                source
                    + " (document "
                    + (docIndex + 1)
                    + "): expected an object with apiVersion and kind, found "
                    + item.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
          }
          out.add(new Document(source, docIndex, obj));
        }
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(source + ": " + describe(e, index));
    } catch (RuntimeException e) {
      if (e instanceof ManifestException) {
        throw e;
      }
      Throwable cause = e.getCause() instanceof JsonProcessingException jpe ? jpe : e;
      throw new ManifestException(
          source
              + ": "
              + (cause instanceof JsonProcessingException jpe
                  ? describe(jpe, index)
                  : cause.getMessage()));
    } catch (IOException e) {
      throw new ManifestException(source + ": " + e.getMessage());
    }
    return out;
  }

  private static List<JsonNode> flatten(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node instanceof ArrayNode arr) {
      arr.forEach(out::add);
    } else if (node.isObject()
        && node.path("kind").asText("").endsWith("List")
        && node.get("items") instanceof ArrayNode items) {
      items.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }

  private static String describe(JsonProcessingException e, int documentIndex) {
    JsonLocation loc = e.getLocation();
    String msg = e.getOriginalMessage();
    int nl = msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    String where =
        loc == null || loc.getLineNr() < 0
            ? "document " + (documentIndex + 1)
            : "document " + (documentIndex + 1) + ", line " + loc.getLineNr();
    return "malformed manifest (" + where + "): " + msg;
  }
}
