package dev.nexus.apiserver.storage.lmdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync helpers: a rename is durable only once the file and its directory are synced. */
public final class Durable {
  private Durable() {}

  public static void syncFile(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open a directory for sync; the rename is then as durable as
      // that file system makes it, which is all we can do.
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** Moves {@code from} over {@code to} atomically and durably. */
  public static void replace(Path from, Path to) throws IOException {
    syncFile(from);
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(to.getParent());
  }
}
