package dev.nexus.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** Deleting data directories and reading the ends of member logs. */
final class Disk {
  private Disk() {}

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code lines} lines of each member's log, headed by its id. */
  static String tails(List<String> ids, Function<String, Path> log, int lines) {
    StringBuilder b = new StringBuilder();
    for (String id : ids) {
      b.append("--- ").append(id).append('\n');
      Path file = log.apply(id);
      try {
        List<String> all = Files.exists(file) ? Files.readAllLines(file) : List.of();
        all.subList(Math.max(0, all.size() - lines), all.size())
            .forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append(e).append('\n');
      }
    }
    return b.toString();
  }
}
