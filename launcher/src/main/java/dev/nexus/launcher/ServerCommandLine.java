package dev.nexus.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one {@code nexus server} member as a process of its own, as {@code
 * bin/nexus} runs it: what tests and tools that start real members (a cluster of processes,
 * containers, network namespaces) share, so that they start it the same way.
 */
public final class ServerCommandLine {
  /**
   * What the server needs from the JVM: LMDB and Netty reach into {@code java.nio}, lmdbjava's
   * native calls need native access (bin/lib/build.sh says the same for bin/nexus).
   */
  public static final List<String> REQUIRED_JVM_FLAGS =
      List.of(
          "--add-opens",
          "java.base/java.nio=ALL-UNNAMED",
          "--add-opens",
          "java.base/sun.nio.ch=ALL-UNNAMED",
          "--enable-native-access=ALL-UNNAMED",
          "--sun-misc-unsafe-memory-access=allow");

  /**
   * For several members sharing a small machine with the test that runs them: a small heap, the
   * serial collector and C1 only, so that start-up and memory stay low.
   */
  public static final List<String> SMALL_MEMBER_JVM_FLAGS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private ServerCommandLine() {}

  /**
   * {@code java <small member flags> <required flags> -cp CP dev.nexus.launcher.Nexus server --id
   * ID --peers PEERS --data-dir DIR <args>}.
   */
  public static List<String> of(
      String java, String classPath, String id, String peers, String dataDir, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(SMALL_MEMBER_JVM_FLAGS);
    cmd.addAll(REQUIRED_JVM_FLAGS);
    cmd.addAll(
        List.of(
            "-cp",
            classPath,
            Nexus.class.getName(),
            "server",
            "--id",
            id,
            "--peers",
            peers,
            "--data-dir",
            dataDir));
    cmd.addAll(args);
    return cmd;
  }

  /** This JVM's {@code java}: the JDK the build and the tests run on. */
  public static String hostJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
