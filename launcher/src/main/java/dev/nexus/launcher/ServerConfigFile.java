package dev.nexus.launcher;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.nexus.api.codec.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code nexus server --config FILE}: the same settings as the flags, in YAML; a flag given on the
 * command line wins over the file.
 *
 * <pre>
 * id: s1
 * peers:
 * - s1=10.0.0.1:7431@10.0.0.1:7420
 * - s2=10.0.0.2:7431@10.0.0.2:7420
 * - s3=10.0.0.3:7431@10.0.0.3:7420
 * dataDir: /var/lib/nexus
 * apiAddress: 0.0.0.0:7420       # where to listen; default: this member's API address
 * join: false
 * transport: NETTY
 * snapshotEveryEntries: 100000
 * snapshotEveryBytes: 64MiB
 * electionTimeout: 500-1000      # milliseconds, MIN-MAX
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record ServerConfigFile(
    String id,
    List<String> peers,
    String dataDir,
    String apiAddress,
    Boolean join,
    String transport,
    Long snapshotEveryEntries,
    String group,
    String electionTimeout,
    String snapshotEveryBytes) {

  static ServerConfigFile load(Path file) {
    try {
      ServerConfigFile c = Json.YAML.readValue(file.toFile(), ServerConfigFile.class);
      if (c == null) {
        throw new IllegalArgumentException("--config " + file + ": the file is empty");
      }
      return c;
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      int nl = msg.indexOf('\n');
      throw new IllegalArgumentException(
          "--config " + file + ": " + (nl < 0 ? msg : msg.substring(0, nl)), e);
    }
  }
}
