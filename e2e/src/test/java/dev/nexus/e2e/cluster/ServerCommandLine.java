package dev.nexus.e2e.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one member: {@code java ... dev.nexus.launcher.Nexus server --id ...}, as
 * bin/nexus runs it, with a small heap and C1 only (two cores shared by three members and the
 * test).
 */
final class ServerCommandLine {
  /** The repository root: e2e's parent (Maven runs the tests in the module directory). */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  private ServerCommandLine() {}

  static List<String> of(
      String java,
      String classPath,
      String id,
      String peers,
      String dataDir,
      List<String> serverArgs,
      List<String> extraArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "--add-opens",
            "java.base/java.nio=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-cp",
            classPath,
            "dev.nexus.launcher.Nexus",
            "server",
            "--id",
            id,
            "--peers",
            peers,
            "--data-dir",
            dataDir));
    cmd.addAll(serverArgs);
    cmd.addAll(extraArgs);
    return cmd;
  }

  /** This JVM's java: the JDK the build runs on (bin/test picks one >= 21). */
  static String hostJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * The launcher's jar and runtime dependencies, as `mvn package` leaves them (bin/nexus runs
   * them).
   */
  static Path launcherTarget() {
    Path target = ROOT.resolve("launcher/target");
    if (!java.nio.file.Files.isRegularFile(target.resolve("nexus-launcher.jar"))
        || !java.nio.file.Files.isDirectory(target.resolve("lib"))) {
      throw new IllegalStateException(
          "no launcher build under "
              + target
              + ": run `bin/mvn -pl launcher -am install -DskipTests` (or the whole `mvn verify`)"
              + " first");
    }
    return target;
  }
}
