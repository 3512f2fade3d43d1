package dev.nexus.api.selector;

import dev.nexus.api.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the Kubernetes label selector syntax, e.g. {@code app=web,tier!=cache,env in
 * (prod,staging),!canary}. A recursive-descent parser over a small lexer: identifiers are runs of
 * characters other than whitespace and {@code , = ! ( )}; {@code in} and {@code notin} are
 * keywords.
 */
final class LabelSelectorParser {
  private final String input;
  private int pos;

  private LabelSelectorParser(String input) {
    this.input = input;
  }

  static List<Requirement> parse(String input) {
    LabelSelectorParser p = new LabelSelectorParser(input);
    List<Requirement> out = new ArrayList<>();
    p.skipSpace();
    if (p.atEnd()) {
      return out;
    }
    while (true) {
      out.add(p.requirement());
      p.skipSpace();
      if (p.atEnd()) {
        return out;
      }
      p.expect(',', "',' between requirements");
    }
  }

  private Requirement requirement() {
    skipSpace();
    if (!atEnd() && peek() == '!') {
      pos++;
      String key = key();
      return new Requirement(key, LabelOperator.DOES_NOT_EXIST, List.of());
    }
    String key = key();
    skipSpace();
    if (atEnd() || peek() == ',') {
      return new Requirement(key, LabelOperator.EXISTS, List.of());
    }
    char c = peek();
    if (c == '=' || c == '!') {
      LabelOperator op = LabelOperator.EQUALS;
      if (c == '!') {
        pos++;
        if (atEnd() || peek() != '=') {
          throw error("expected '=' after '!' following key '" + key + "'");
        }
        op = LabelOperator.NOT_EQUALS;
      }
      pos++;
      if (op == LabelOperator.EQUALS && !atEnd() && peek() == '=') {
        pos++;
      }
      skipSpace();
      String value = atEnd() || isDelimiter(peek()) ? "" : identifier();
      checkValue(value);
      return new Requirement(key, op, List.of(value));
    }
    int wordStart = pos;
    String word = identifier();
    LabelOperator op =
        switch (word) {
          case "in" -> LabelOperator.IN;
          case "notin" -> LabelOperator.NOT_IN;
          default -> {
            pos = wordStart;
            throw error(
                "expected '=', '==', '!=', 'in' or 'notin' after key '"
                    + key
                    + "', found '"
                    + word
                    + "'");
          }
        };
    skipSpace();
    expect('(', "'(' after '" + word + "'");
    List<String> values = new ArrayList<>();
    skipSpace();
    if (!atEnd() && peek() == ')') {
      throw error("'" + word + "' needs at least one value in its parentheses");
    }
    while (true) {
      skipSpace();
      String value = atEnd() || isDelimiter(peek()) ? "" : identifier();
      checkValue(value);
      values.add(value);
      skipSpace();
      if (!atEnd() && peek() == ')') {
        pos++;
        return new Requirement(key, op, values);
      }
      expect(',', "',' or ')' in the value list of '" + key + "'");
    }
  }

  private String key() {
    skipSpace();
    if (atEnd() || isDelimiter(peek())) {
      throw error("expected a label key");
    }
    int start = pos;
    String key = identifier();
    Optional<String> v = Names.qualifiedNameViolation(key);
    if (v.isPresent()) {
      pos = start;
      throw error("key '" + key + "' " + v.get());
    }
    return key;
  }

  private void checkValue(String value) {
    Optional<String> v = Names.labelValueViolation(value);
    if (v.isPresent()) {
      throw error("value '" + value + "' " + v.get());
    }
  }

  private String identifier() {
    int start = pos;
    while (!atEnd() && !isDelimiter(peek()) && !Character.isWhitespace(peek())) {
      pos++;
    }
    return input.substring(start, pos);
  }

  private void expect(char c, String what) {
    if (atEnd() || peek() != c) {
      throw error("expected " + what + (atEnd() ? ", found the end" : ", found '" + peek() + "'"));
    }
    pos++;
  }

  private IllegalArgumentException error(String detail) {
    return new IllegalArgumentException(
        "invalid label selector \"" + input + "\": " + detail + " (at position " + pos + ")");
  }

  private static boolean isDelimiter(char c) {
    return c == ',' || c == '=' || c == '!' || c == '(' || c == ')';
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= input.length();
  }

  private char peek() {
    return input.charAt(pos);
  }
}
