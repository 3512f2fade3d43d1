package dev.nexus.e2e.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Histories as JSON lines, one operation per line, so a failing run can be kept, read, and checked
 * again:
 *
 * <pre>{@code
 * {"id":3,"process":1,"key":"r1","f":"cas","expected":"a","value":"b","invoke":120,"complete":480,"type":"ok"}
 * {"id":4,"process":2,"key":"r1","f":"read","invoke":130,"complete":300,"type":"ok","result":"a"}
 * {"id":5,"process":0,"key":"r1","f":"write","value":"c","invoke":140,"complete":9000,"type":"info","error":"timeout"}
 * }</pre>
 *
 * A JSON {@code null} value or result means "absent". Malformed input is rejected with the line
 * number and the field at fault.
 */
public final class HistoryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HistoryJson() {}

  public static void write(History history, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out);
    }
  }

  public static void write(History history, Writer out) throws IOException {
    for (Op op : history.ops()) {
      out.write(toLine(op));
      out.write('\n');
    }
  }

  public static String toJsonLines(History history) {
    StringBuilder out = new StringBuilder();
    for (Op op : history.ops()) {
      out.append(toLine(op)).append('\n');
    }
    return out.toString();
  }

  public static History read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  public static History parse(String jsonLines) {
    try {
      return read(new StringReader(jsonLines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON lines; blank lines are skipped. */
  public static History read(Reader reader) throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    List<Op> ops = new ArrayList<>();
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (!line.isBlank()) {
        ops.add(fromLine(line, lineNo));
      }
    }
    return new History(ops);
  }

  static String toLine(Op op) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", op.id());
    node.put("process", op.process());
    node.put("key", op.key());
    node.put("f", op.call().name());
    switch (op.call()) {
      case Call.Read r -> {}
      case Call.Write w -> node.put("value", w.value());
      case Call.Cas c -> {
        node.put("expected", c.expected());
        node.put("value", c.value());
      }
    }
    node.put("invoke", op.invokedNanos());
    node.put("complete", op.completedNanos());
    node.put("type", op.outcome().name());
    switch (op.outcome()) {
      case Outcome.Ok ok -> {
        if (op.call() instanceof Call.Read) {
          node.put("result", ok.value());
        }
      }
      case Outcome.Fail fail -> node.put("error", fail.reason());
      case Outcome.Info info -> node.put("error", info.reason());
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Op fromLine(String line, int lineNo) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("line " + lineNo + ": must be a JSON object");
    }
    Fields f = new Fields(node, lineNo);
    Call call =
        switch (f.text("f")) {
          case "read" -> new Call.Read();
          case "write" -> new Call.Write(f.value("value"));
          case "cas" -> new Call.Cas(f.value("expected"), f.value("value"));
          default -> throw f.error("f", "must be one of read, write, cas");
        };
    Outcome outcome =
        switch (f.text("type")) {
          case "ok" -> new Outcome.Ok(call instanceof Call.Read ? f.value("result") : null);
          case "fail" -> new Outcome.Fail(f.optionalText("error"));
          case "info" -> new Outcome.Info(f.optionalText("error"));
          default -> throw f.error("type", "must be one of ok, fail, info");
        };
    long id = f.integer("id");
    int process = (int) f.integer("process");
    String key = f.text("key");
    long invoked = f.integer("invoke");
    long completed = f.integer("complete");
    try {
      return new Op(id, process, key, call, invoked, completed, outcome);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
    }
  }

  /** Field access that names the line and the field when something is missing or mistyped. */
  private record Fields(JsonNode node, int lineNo) {
    String text(String name) {
      JsonNode v = node.get(name);
      if (v == null || !v.isTextual()) {
        throw error(name, "is required and must be a string");
      }
      return v.asText();
    }

    String optionalText(String name) {
      JsonNode v = node.get(name);
      return v == null || v.isNull() ? "" : v.asText();
    }

    /** A register value: a string, or null for absent; the field itself must be present. */
    String value(String name) {
      JsonNode v = node.get(name);
      if (v == null || !(v.isTextual() || v.isNull())) {
        throw error(name, "is required and must be a string or null");
      }
      return v.isNull() ? null : v.asText();
    }

    long integer(String name) {
      JsonNode v = node.get(name);
      if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
        throw error(name, "is required and must be an integer");
      }
      return v.asLong();
    }

    IllegalArgumentException error(String field, String rule) {
      return new IllegalArgumentException("line " + lineNo + ": field '" + field + "' " + rule);
    }
  }
}
