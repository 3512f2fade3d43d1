package dev.nexus.e2e.cluster;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the container engine socket (DOCKER_HOST, else podman's /run/podman/podman.sock, which
 * bin/lib/container-engine.sh starts) and asks it {@code /_ping}.
 */
final class Engine {
  static final Path PODMAN_SOCKET = Path.of("/run/podman/podman.sock");

  private Engine() {}

  /** The engine's unix socket: DOCKER_HOST's when it names one, else podman's. */
  static Path socket() {
    String host = System.getenv("DOCKER_HOST");
    if (host == null) {
      host = System.getProperty("DOCKER_HOST");
    }
    return host != null && host.startsWith("unix://")
        ? Path.of(host.substring("unix://".length()))
        : PODMAN_SOCKET;
  }

  /** Null when the engine answers {@code /_ping} with OK; otherwise why not. */
  static String whyNot() {
    Path socket = socket();
    if (!Files.exists(socket)) {
      return "no engine socket at " + socket + " (bin/lib/container-engine.sh starts podman's)";
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: d\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer in = ByteBuffer.allocate(4096);
      StringBuilder answer = new StringBuilder();
      while (ch.read(in) > 0) {
        answer.append(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII));
        in.clear();
      }
      return answer.toString().endsWith("OK")
          ? null
          : socket + " answered /_ping with: " + answer.toString().lines().findFirst().orElse("");
    } catch (IOException e) {
      return socket + " does not answer /_ping: " + e.getMessage();
    }
  }
}
