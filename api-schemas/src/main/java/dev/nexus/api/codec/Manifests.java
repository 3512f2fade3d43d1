package dev.nexus.api.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses manifests: multi-document YAML (documents separated by {@code ---}), one or more JSON
 * objects, a JSON array of objects, or a {@code kind: List} (or {@code XList}) with {@code items}.
 * Empty and comment-only documents are skipped.
 *
 * <p>Each object gets its own {@link Document#index()}: YAML documents are counted as the user sees
 * them (empty ones included), and every item of an array or List counts as one document. A parse
 * error names the source, the document and the line: {@code web.yaml: malformed manifest (document
 * 2, line 4, column 6): expected ',' or ']', but got <stream end> (while parsing a flow sequence)}.
 */
public final class Manifests {
  private Manifests() {}

  public static List<Document> parse(String source, byte[] content) {
    if (!looksLikeJson(content)) {
      try {
        return read(source, content, Json.YAML);
      } catch (Malformed yaml) {
        throw yaml.toManifestException();
      }
    }
    try {
      return read(source, content, Json.MAPPER);
    } catch (Malformed json) {
      // A YAML flow mapping ({a: b}) also starts with '{': give YAML a chance, and if it fails
      // too, report whichever parser got further, as it understood more of the text.
      try {
        return read(source, content, Json.YAML);
      } catch (Malformed yaml) {
        throw (yaml.line > json.line || (yaml.line == json.line && yaml.column > json.column)
                ? yaml
                : json)
            .toManifestException();
      }
    }
  }

  private static List<Document> read(String source, byte[] content, ObjectMapper mapper) {
    List<Document> out = new ArrayList<>();
    int document = 0;
    int index = 0;
    try (JsonParser parser = mapper.getFactory().createParser(content);
        MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(parser)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        document++;
        if (isEmpty(node)) {
          index++;
          continue;
        }
        List<JsonNode> items = flatten(node);
        for (JsonNode item : items) {
          if (!(item instanceof ObjectNode obj)) {
            throw new ManifestException(
                source
                    + " (document "
                    + (index + 1)
                    + "): expected an object with apiVersion and kind, found "
                    + item.getNodeType().toString().toLowerCase(Locale.ROOT));
          }
          out.add(new Document(source, index++, obj));
        }
      }
    } catch (JsonProcessingException e) {
      throw Malformed.of(source, document + 1, e);
    } catch (RuntimeException e) {
      if (e instanceof ManifestException || e instanceof Malformed) {
        throw e;
      }
      if (e.getCause() instanceof JsonProcessingException jpe) {
        throw Malformed.of(source, document + 1, jpe);
      }
      throw new ManifestException(source + ": " + e.getMessage());
    } catch (IOException e) {
      throw new ManifestException(source + ": " + e.getMessage());
    }
    return out;
  }

  /** An empty YAML document reads as null or as the empty string. */
  private static boolean isEmpty(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isTextual() && node.asText().isEmpty());
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

  private static boolean looksLikeJson(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length && (content[i] == '{' || content[i] == '[');
  }

  /** A syntax error, with where it was found so two parsers' errors can be compared. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int document;
    private final int line;
    private final int column;
    private final String problem;

    private Malformed(String source, int document, int line, int column, String problem) {
      super(problem, null, false, false);
      this.source = source;
      this.document = document;
      this.line = line;
      this.column = column;
      this.problem = problem;
    }

    static Malformed of(String source, int document, JsonProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof MarkedYAMLException y) {
          Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
          String problem =
              y.getProblem() != null ? y.getProblem().strip() : firstLine(y.getMessage());
          if (y.getContext() != null && y.getProblem() != null) {
            problem += " (" + y.getContext().strip() + ")";
          }
          return new Malformed(
              source,
              document,
              mark == null ? -1 : mark.getLine() + 1,
              mark == null ? -1 : mark.getColumn() + 1,
              problem);
        }
      }
      JsonLocation loc = e.getLocation();
      return new Malformed(
          source,
          document,
          loc == null ? -1 : loc.getLineNr(),
          loc == null ? -1 : loc.getColumnNr(),
          firstLine(e.getOriginalMessage()));
    }

    ManifestException toManifestException() {
      String where =
          "document "
              + document
              + (line > 0 ? ", line " + line : "")
              + (line > 0 && column > 0 ? ", column " + column : "");
      return new ManifestException(source + ": malformed manifest (" + where + "): " + problem);
    }

    private static String firstLine(String msg) {
      if (msg == null) {
        return "syntax error";
      }
      int nl = msg.indexOf('\n');
      return nl > 0 ? msg.substring(0, nl) : msg;
    }
  }
}
