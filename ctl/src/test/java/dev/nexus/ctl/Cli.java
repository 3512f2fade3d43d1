package dev.nexus.ctl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the real {@code nexusctl} in-process and captures what it prints. */
public final class Cli {
  /** What one run printed and returned. */
  public record Result(int code, String out, String err) {
    /** Output and error together, for failure messages. */
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final List<String> prefix;

  /** A CLI whose every command line starts with {@code prefix} (e.g. --server URL). */
  public Cli(String... prefix) {
    this.prefix = List.of(prefix);
  }

  public Result run(String... args) {
    return runWithInput("", args);
  }

  public Result runWithInput(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  public Result run(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(prefix);
    int code =
        Nexusctl.run(
            all.toArray(String[]::new),
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
