package dev.nexus.e2e.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the scenarios find the launcher's build, and its command line for a member ({@link
 * dev.nexus.launcher.ServerCommandLine}) with a scenario's server arguments.
 */
final class LauncherBuild {
  /** The repository root: e2e's parent (Maven runs the tests in the module directory). */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  private LauncherBuild() {}

  /** The launcher's command line for a member, with the scenario's server arguments. */
  static List<String> memberCommand(
      String java,
      String classPath,
      String id,
      String peers,
      String dataDir,
      List<String> serverArgs,
      List<String> extraArgs) {
    List<String> args = new ArrayList<>(serverArgs);
    args.addAll(extraArgs);
    return dev.nexus.launcher.ServerCommandLine.of(java, classPath, id, peers, dataDir, args);
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
