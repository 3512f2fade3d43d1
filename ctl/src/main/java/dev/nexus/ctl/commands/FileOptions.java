package dev.nexus.ctl.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f FILE|DIR|-} (repeatable) and {@code -R}: which manifests a command reads. */
public final class FileOptions {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      description = "Manifest file, directory, or - for standard input (repeatable).")
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-R", "--recursive"},
      description = "Also read the subdirectories of directories given with -f.")
  boolean recursive;
}
