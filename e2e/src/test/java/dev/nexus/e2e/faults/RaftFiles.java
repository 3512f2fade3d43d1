package dev.nexus.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what a member's Raft log holds from its file names (Ratis's segment naming). */
final class RaftFiles {
  // log_inprogress_START or log_START-END, under raft/GROUP/current/
  private static final Pattern SEGMENT = Pattern.compile("log_(?:inprogress_)?(\\d+)(?:-\\d+)?");

  private RaftFiles() {}

  /** The index of the first entry in the member's log on disk; -1 when it has none. */
  static long firstLogIndex(Path dataDir) {
    try (Stream<Path> files = Files.walk(dataDir.resolve("raft"))) {
      return files
          .map(p -> SEGMENT.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1)))
          .min()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
