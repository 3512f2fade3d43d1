package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.e2e.history.History;
import dev.nexus.e2e.history.HistoryJson;
import dev.nexus.e2e.history.HistoryRecorder;
import dev.nexus.e2e.linearizability.CheckResult;
import dev.nexus.e2e.linearizability.LinearizabilityChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Checks a scenario's history with the {@link LinearizabilityChecker} and keeps it: when the check
 * or anything else in the test fails, the history is written as JSON lines to {@code
 * e2e/target/histories/CLASS-METHOD.jsonl}, where {@code HistoryJson.read} loads it again.
 */
public final class HistoryKeeper implements TestWatcher {
  private static final Path DIR = Path.of("target", "histories");
  private volatile HistoryRecorder recorder;

  /** The recorder this test records into. */
  public HistoryRecorder recorder() {
    if (recorder == null) {
      recorder = new HistoryRecorder();
    }
    return recorder;
  }

  /** Asserts the history so far is linearizable, saving it first when it is not. */
  public CheckResult assertLinearizable(String name) {
    History history = recorder().history();
    CheckResult result = new LinearizabilityChecker().check(history);
    System.out.printf("%s: %d operations; %s%n", name, history.size(), result.describe());
    if (!result.isLinearizable()) {
      Path saved = save(name, history);
      assertThat(result.isLinearizable())
          .as("history (saved to %s):%n%s", saved.toAbsolutePath(), result.describe())
          .isTrue();
    }
    return result;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (recorder != null) {
      Path saved =
          save(
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getTestMethod().map(m -> m.getName()).orElse("test"),
              recorder.history());
      System.out.println("history of the failed test saved to " + saved.toAbsolutePath());
    }
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    testFailed(context, cause);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {}

  private static Path save(String name, History history) {
    try {
      Files.createDirectories(DIR);
      Path file = DIR.resolve(name + ".jsonl");
      HistoryJson.write(history, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
