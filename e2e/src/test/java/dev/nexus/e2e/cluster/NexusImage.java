package dev.nexus.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image each containerized member runs, built locally (no registry is reachable) from the
 * project's own artifacts, in three layers each built once and tagged by what went into it: the
 * Debian base ({@code bin/lib/e2e-base-image.sh}: debootstrap + podman import, once per machine),
 * plus the JDK this build runs on (copied from /usr/lib/jvm), plus the launcher's jars
 * (launcher/target). A rebuild of the launcher makes a new top layer only.
 */
final class NexusImage {
  static final String BASE = "localhost/nexus-e2e-base:bookworm";

  private NexusImage() {}

  /** The image name, building whatever is missing. */
  static synchronized String ensure() {
    if (!Commands.attempt("podman", "image", "exists", BASE).ok()) {
      Commands.run(LauncherBuild.ROOT.resolve("bin/lib/e2e-base-image.sh").toString());
    }
    Path jdk = Path.of(dev.nexus.launcher.ServerCommandLine.hostJava()).getParent().getParent();
    String jdkImage = "localhost/nexus-e2e-jdk:" + digest(List.of(jdk.toString()));
    if (!Commands.attempt("podman", "image", "exists", jdkImage).ok()) {
      build(jdkImage, BASE, "jdk", "/opt/jdk", List.of(jdk));
    }
    Path lib = LauncherBuild.launcherTarget();
    String image = "localhost/nexus-e2e:" + digest(fingerprint(lib));
    if (!Commands.attempt("podman", "image", "exists", image).ok()) {
      build(
          image,
          jdkImage,
          "nexus",
          "/opt/nexus",
          List.of(lib.resolve("nexus-launcher.jar"), lib.resolve("lib")));
    }
    return image;
  }

  /**
   * FROM {@code from}, COPY {@code name} to {@code target}, where {@code name} holds {@code
   * sources} (one directory: its contents; several paths: each by its name).
   */
  private static void build(
      String tag, String from, String name, String target, List<Path> sources) {
    Path context = null;
    try {
      context = Files.createTempDirectory("nexus-image");
      Path into = context.resolve(name);
      if (sources.size() == 1) {
        Commands.run("cp", "-a", sources.getFirst().toString(), into.toString());
      } else {
        Files.createDirectories(into);
        for (Path source : sources) {
          Commands.run(
              "cp", "-a", source.toString(), into.resolve(source.getFileName()).toString());
        }
      }
      Files.writeString(
          context.resolve("Containerfile"),
          "FROM " + from + "\nCOPY " + name + " " + target + "\n");
      Commands.run("podman", "build", "-q", "-t", tag, context.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (context != null) {
        Disk.deleteTree(context);
      }
    }
  }

  /** Names, sizes and times of the launcher's jar and its dependencies. */
  private static List<String> fingerprint(Path target) {
    try (Stream<Path> files =
        Stream.concat(
            Stream.of(target.resolve("nexus-launcher.jar")),
            Files.list(target.resolve("lib")).sorted())) {
      return files
          .map(
              p -> {
                try {
                  return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(List<String> parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      parts.forEach(p -> md.update((p + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
