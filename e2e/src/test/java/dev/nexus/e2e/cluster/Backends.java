package dev.nexus.e2e.cluster;

import java.nio.file.Path;

/**
 * Picks the backend a cluster runs on: system property {@code nexus.e2e.backend} = {@code netns} or
 * {@code auto} (the default), and says which and why on stdout. A backend that cannot run fails the
 * test with the reason; nothing is skipped.
 */
public final class Backends {
  private Backends() {}

  public static ClusterUnderTest open(ClusterSpec spec, Path dir) {
    String wanted = System.getProperty("nexus.e2e.backend", "auto").strip();
    switch (wanted) {
      case "netns", "auto" -> {
        requireRoot("netns");
        System.out.println(
            "e2e cluster backend: netns (nexus.e2e.backend="
                + wanted
                + "): each member a JVM in"
                + " its own network namespace");
        return new NetnsCluster(spec, dir);
      }
      default ->
          throw new IllegalArgumentException(
              "nexus.e2e.backend: must be netns or auto, was \"" + wanted + "\"");
    }
  }

  private static void requireRoot(String backend) {
    if (!Commands.isRoot()) {
      throw new IllegalStateException(
          "the " + backend + " backend needs root (ip netns, veth, tc); run the e2e tests as root");
    }
  }
}
