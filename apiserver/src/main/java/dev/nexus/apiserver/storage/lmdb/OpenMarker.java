package dev.nexus.apiserver.storage.lmdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells whether an LMDB file written without fsync can still be trusted.
 *
 * <p>With MDB_NOSYNC, a committed transaction lives in the kernel's page cache until the kernel
 * writes it back. A crash of this process loses nothing (the page cache survives it); a crash of
 * the machine may leave the file behind or torn. So while the database is open, a marker file holds
 * the kernel's boot id. Finding the marker on open means the last run did not close cleanly: with
 * the same boot id only the process died and the file is intact; with another boot id the machine
 * went down too and the file must be rebuilt from the last snapshot and the Raft log, both of which
 * were fsynced.
 */
final class OpenMarker {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  private final Path marker;

  OpenMarker(Path marker) {
    this.marker = marker;
  }

  /** Whether the database left by the last run may be used as it is. */
  boolean lastRunTrustworthy() throws IOException {
    if (!Files.exists(marker)) {
      return true;
    }
    String recorded = Files.readString(marker, StandardCharsets.UTF_8).strip();
    String now = bootId();
    return !now.isEmpty() && now.equals(recorded);
  }

  /** Records that the database is open in this boot, durably, before any unsynced write. */
  void markOpen() throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            marker,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(bootId().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Durable.syncDirectory(marker.getParent());
  }

  /** Records a clean close; call only after the database was synced. */
  void markClosed() throws IOException {
    Files.deleteIfExists(marker);
    Durable.syncDirectory(marker.getParent());
  }

  private static String bootId() {
    try {
      return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
