package dev.nexus.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A field selector such as {@code metadata.namespace=demo,spec.nodeName!=n1}: a conjunction of
 * {@code path=value}, {@code path==value} or {@code path!=value} over dotted paths into the
 * object's JSON. Immutable and thread-safe.
 *
 * <p>A missing or null field reads as the empty string, so {@code spec.nodeName=} selects
 * unscheduled instances. Numbers and booleans compare by their text; an object or array equals no
 * value. In values, {@code \,}, {@code \=} and {@code \\} escape those characters.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  /** One {@code path op value} condition. */
  public record Term(String path, boolean equal, String value) {
    boolean matches(JsonNode object) {
      return equal == valueAt(object, path).map(value::equals).orElse(false);
    }

    @Override
    public String toString() {
      return path + (equal ? "=" : "!=") + escape(value);
    }
  }

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses a comma-separated list of {@code path=value}, {@code path==value}, {@code path!=value}.
   * Null or blank is the empty selector.
   *
   * @throws IllegalArgumentException naming the selector and the bad term
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String raw : splitUnescaped(selector, ',')) {
      terms.add(term(selector, raw.strip()));
    }
    return new FieldSelector(terms);
  }

  public boolean matches(JsonNode object) {
    for (Term t : terms) {
      if (!t.matches(object)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  public List<Term> terms() {
    return terms;
  }

  /** Every path the selector reads, so a server can refuse paths it does not support. */
  public Set<String> paths() {
    Set<String> out = new LinkedHashSet<>();
    terms.forEach(t -> out.add(t.path()));
    return out;
  }

  /**
   * The one value the selector requires at {@code path} ({@code path=value}), if any: lets a server
   * narrow a scan to one name or namespace.
   */
  public Optional<String> pinned(String path) {
    for (Term t : terms) {
      if (t.equal() && t.path().equals(path)) {
        return Optional.of(t.value());
      }
    }
    return Optional.empty();
  }

  /** {@code metadata.name}, when pinned to one value. */
  public Optional<String> pinnedName() {
    return pinned("metadata.name");
  }

  /** {@code metadata.namespace}, when pinned to one value. */
  public Optional<String> pinnedNamespace() {
    return pinned("metadata.namespace");
  }

  /** The string syntax; {@code parse(toString())} gives an equal selector. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    terms.forEach(t -> parts.add(t.toString()));
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && terms.equals(other.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** The text at a dotted path: missing or null reads as "", containers as empty (no match). */
  static Optional<String> valueAt(JsonNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    if (node == null || node.isNull()) {
      return Optional.of("");
    }
    return node.isContainerNode() ? Optional.empty() : Optional.of(node.asText());
  }

  private static Term term(String selector, String raw) {
    int op = indexOfUnescaped(raw, '=');
    if (op < 0) {
      throw new IllegalArgumentException(
          "invalid field selector \"" + selector + "\": '" + raw + "' has no '=', '==' or '!='");
    }
    boolean equal = true;
    int pathEnd = op;
    int valueStart = op + 1;
    if (op > 0 && raw.charAt(op - 1) == '!') {
      equal = false;
      pathEnd = op - 1;
    } else if (valueStart < raw.length() && raw.charAt(valueStart) == '=') {
      valueStart++;
    }
    String path = raw.substring(0, pathEnd).strip();
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "invalid field selector \""
              + selector
              + "\": '"
              + path
              + "' is not a field path such as metadata.name or spec.nodeName");
    }
    return new Term(path, equal, unescape(raw.substring(valueStart).strip()));
  }

  private static List<String> splitUnescaped(String s, char separator) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == separator) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static int indexOfUnescaped(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == ',' || c == '=') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
