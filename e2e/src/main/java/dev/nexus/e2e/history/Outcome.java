package dev.nexus.e2e.history;

/**
 * How an operation ended, in Knossos's three kinds. Only {@link Ok} constrains the checker to a
 * value; {@link Fail} says the operation certainly had no effect; {@link Info} says nothing at all
 * about whether or when it took effect.
 */
public sealed interface Outcome {
  /** The name used in the JSON-lines form: ok, fail or info. */
  String name();

  /**
   * Completed and took effect. For a read, {@code value} is what it saw ({@code null}: absent); for
   * a write or a successful compare-and-set it is {@code null} and unused.
   */
  record Ok(String value) implements Outcome {
    @Override
    public String name() {
      return "ok";
    }
  }

  /**
   * Definitely did not happen: the server refused it (409 on a stale resourceVersion, any 4xx). The
   * checker drops such operations, exactly as Knossos does.
   */
  record Fail(String reason) implements Outcome {
    @Override
    public String name() {
      return "fail";
    }
  }

  /**
   * Indeterminate: a timeout, a reset connection, a 5xx, a client that died mid-request. The
   * operation may take effect at any moment after its invocation, or never; the checker treats its
   * completion as +infinity.
   */
  record Info(String reason) implements Outcome {
    @Override
    public String name() {
      return "info";
    }
  }
}
