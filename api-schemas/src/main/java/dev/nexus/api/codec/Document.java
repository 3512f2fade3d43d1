package dev.nexus.api.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object parsed from a manifest.
 *
 * @param source the file name (or {@code -} for standard input) it came from
 * @param index the zero-based index of the document within that source
 * @param object the parsed object
 */
public record Document(String source, int index, ObjectNode object) {
  /** Names the document for error messages: {@code web.yaml (document 2)}. */
  public String where() {
    return source + " (document " + (index + 1) + ")";
  }
}
