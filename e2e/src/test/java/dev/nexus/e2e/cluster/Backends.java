package dev.nexus.e2e.cluster;

import java.nio.file.Path;

/**
 * Picks the backend a cluster runs on from the system property {@code nexus.e2e.backend}:
 *
 * <ul>
 *   <li>{@code containers}: each member in a podman container (Testcontainers); fails when no
 *       engine answers;
 *   <li>{@code netns}: each member a JVM in a network namespace of its own;
 *   <li>{@code auto} (the default): containers when the engine socket answers {@code /_ping}, else
 *       netns.
 * </ul>
 *
 * It prints which backend runs and why. A backend that cannot run fails the test with the reason;
 * nothing is skipped.
 */
public final class Backends {
  private static final String RYUK =
      "TESTCONTAINERS_RYUK_DISABLED is not true (Ryuk's image cannot be pulled without a registry;"
          + " bin/test exports it)";

  private Backends() {}

  public static ClusterUnderTest open(ClusterSpec spec, Path dir) {
    String wanted = System.getProperty("nexus.e2e.backend", "auto").strip();
    switch (wanted) {
      case "containers" -> {
        String why = Engine.whyNot();
        if (why != null) {
          throw new IllegalStateException(
              "nexus.e2e.backend=containers, but " + why + "; run bin/test, which sets it up");
        }
        if (!"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
          throw new IllegalStateException("nexus.e2e.backend=containers, but " + RYUK);
        }
        return containers(spec, dir, "asked for");
      }
      case "netns" -> {
        return netns(spec, dir, "asked for");
      }
      case "auto" -> {
        String why = Engine.whyNot();
        if (why == null && !"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
          why = RYUK;
        }
        if (why == null && System.getenv("NEXUS_E2E_NO_CONTAINERS") != null) {
          why = System.getenv("NEXUS_E2E_NO_CONTAINERS"); // bin/test found containers unusable
        }
        return why == null
            ? containers(spec, dir, Engine.socket() + " answers /_ping")
            : netns(spec, dir, why);
      }
      default ->
          throw new IllegalArgumentException(
              "nexus.e2e.backend: must be containers, netns or auto, was \"" + wanted + "\"");
    }
  }

  private static ClusterUnderTest containers(ClusterSpec spec, Path dir, String why) {
    requireRoot("containers");
    // Testcontainers finds the engine through DOCKER_HOST; bin/test exports it, a plain
    // `mvn verify` may not have.
    if (System.getenv("DOCKER_HOST") == null && System.getProperty("DOCKER_HOST") == null) {
      System.setProperty("DOCKER_HOST", "unix://" + Engine.socket());
    }
    System.out.println(
        "e2e cluster backend: containers (" + why + "): each member in a podman container");
    return new ContainerCluster(spec, dir);
  }

  private static ClusterUnderTest netns(ClusterSpec spec, Path dir, String why) {
    requireRoot("netns");
    System.out.println(
        "e2e cluster backend: netns (" + why + "): each member a JVM in its own network namespace");
    return new NetnsCluster(spec, dir);
  }

  private static void requireRoot(String backend) {
    if (!Commands.isRoot()) {
      throw new IllegalStateException(
          "the "
              + backend
              + " backend needs root (namespaces, veth, tc, nsenter); run the e2e tests as root");
    }
  }
}
