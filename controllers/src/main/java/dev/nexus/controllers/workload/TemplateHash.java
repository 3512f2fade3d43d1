package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stable hash of what an Instance is made from: the Workload's {@code spec.template} and its
 * {@code spec.placement} (copied into every Instance, so a placement change must roll out too).
 *
 * <p>Stable means: the same content gives the same hash in every JVM and every release, whatever
 * the order of object keys (a re-applied manifest may reorder them). The tree is written in a
 * canonical form (keys sorted, no whitespace) and hashed with SHA-256; the first 50 bits are
 * spelled in an alphabet without vowels, so a hash never reads as a word and is a valid label value
 * and name part.
 */
public final class TemplateHash {
  /** Characters of a hash and of random name suffixes: no vowels, no look-alikes (0/o, 1/l). */
  static final String ALPHABET = "bcdfghjkmnpqrstvwxz2456789";

  /** Length of a hash: 10 characters of 26 symbols, about 47 bits. */
  public static final int LENGTH = 10;

  private TemplateHash() {}

  /** The hash of {@code template} and {@code placement} (either may be null). */
  public static String of(JsonNode template, JsonNode placement) {
    StringBuilder canonical = new StringBuilder();
    canonical.append("template=");
    write(template, canonical);
    canonical.append(";placement=");
    write(placement, canonical);
    byte[] digest = sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    bits >>>= 1; // non-negative
    StringBuilder out = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      out.append(ALPHABET.charAt((int) (bits % ALPHABET.length())));
      bits /= ALPHABET.length();
    }
    return out.toString();
  }

  /** Writes {@code node} as JSON with object keys sorted; null and missing both write null. */
  static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quote(keys.get(i))).append(':');
        write(node.get(keys.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      out.append(quote(node.textValue()));
    } else {
      // Numbers and booleans: Jackson's own text, so 1 and 1.0 stay apart as the JSON does.
      out.append(node.toString());
    }
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
