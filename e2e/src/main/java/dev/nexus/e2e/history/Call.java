package dev.nexus.e2e.history;

/**
 * What a client asked of one register: read it, write it, or compare-and-set it. A {@code null}
 * value means "absent" (the object does not exist), so a delete is {@code new Write(null)}.
 */
public sealed interface Call {
  /** Short readable form, e.g. {@code write("b")} or {@code cas("a"->"b")}. */
  String describe();

  /** The name used in the JSON-lines form: read, write or cas. */
  String name();

  /** Reads the register; the value seen is in the outcome. */
  record Read() implements Call {
    @Override
    public String describe() {
      return "read";
    }

    @Override
    public String name() {
      return "read";
    }
  }

  /** Sets the register to {@code value} whatever it held. */
  record Write(String value) implements Call {
    @Override
    public String describe() {
      return "write(" + quote(value) + ")";
    }

    @Override
    public String name() {
      return "write";
    }
  }

  /** Sets the register to {@code value} only if it holds {@code expected}. */
  record Cas(String expected, String value) implements Call {
    @Override
    public String describe() {
      return "cas(" + quote(expected) + "->" + quote(value) + ")";
    }

    @Override
    public String name() {
      return "cas";
    }
  }

  /** A value as printed in histories and counterexamples: quoted, or {@code nil} when absent. */
  static String quote(String value) {
    return value == null ? "nil" : '"' + value + '"';
  }
}
