package dev.nexus.ctl.apply;

import dev.nexus.api.codec.Document;
import dev.nexus.api.codec.ManifestException;
import dev.nexus.api.codec.Manifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the manifests {@code -f} names: a file, a directory ({@code .yaml}, {@code .yml} and {@code
 * .json} files in name order; subdirectories too with {@code -R}) or {@code -} for standard input.
 * A file that does not parse is reported and skipped; the others are still read.
 */
public final class ManifestLoader {
  /**
   * What was read.
   *
   * @param documents every object, in file order then document order
   * @param errors one line per file that could not be read or parsed
   */
  public record Loaded(List<Document> documents, List<String> errors) {}

  private ManifestLoader() {}

  public static Loaded load(List<String> paths, boolean recursive, InputStream stdin) {
    List<Document> docs = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (paths.isEmpty()) {
      errors.add("-f: name at least one file, directory or - (standard input)");
    }
    for (String p : paths) {
      if (p.equals("-")) {
        read("-", () -> stdin.readAllBytes(), docs, errors);
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        errors.add("the path \"" + p + "\" does not exist");
      } else if (Files.isDirectory(path)) {
        List<Path> files = files(path, recursive, errors);
        if (files.isEmpty() && errors.isEmpty()) {
          errors.add("no .yaml, .yml or .json files in directory \"" + p + "\"");
        }
        files.forEach(f -> read(f.toString(), () -> Files.readAllBytes(f), docs, errors));
      } else {
        read(p, () -> Files.readAllBytes(path), docs, errors);
      }
    }
    return new Loaded(docs, errors);
  }

  private interface Source {
    byte[] bytes() throws IOException;
  }

  private static void read(String name, Source source, List<Document> docs, List<String> errors) {
    try {
      docs.addAll(Manifests.parse(name, source.bytes()));
    } catch (ManifestException e) {
      errors.add(e.getMessage());
    } catch (IOException e) {
      errors.add("cannot read \"" + name + "\": " + e.getMessage());
    }
  }

  private static List<Path> files(Path dir, boolean recursive, List<String> errors) {
    try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
      return walk.filter(Files::isRegularFile).filter(ManifestLoader::isManifest).sorted().toList();
    } catch (IOException e) {
      errors.add("cannot list directory \"" + dir + "\": " + e.getMessage());
      return List.of();
    }
  }

  private static boolean isManifest(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }
}
