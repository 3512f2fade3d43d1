package dev.nexus.e2e.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What both backends do alike: network faults go to their {@link NetworkFaults}, and each member's
 * data lives on this machine under {@code <dir>/<id>/data} (mounted into a container, or used by a
 * process in a namespace directly).
 */
abstract class MembersOnThisMachine implements ClusterUnderTest {
  /** The backend's faults, made once its members' addresses are known. */
  abstract NetworkFaults faults();

  /** The directory holding a directory per member. */
  abstract Path dir();

  @Override
  public void partition(String id) {
    faults().partition(id);
  }

  @Override
  public void heal() {
    faults().heal();
  }

  @Override
  public void delay(String id, Duration delay) {
    faults().delay(id, delay);
  }

  @Override
  public void clearDelay(String id) {
    faults().clearDelay(id);
  }

  @Override
  public Path dataDir(String id) {
    return dir().resolve(id).resolve("data");
  }
}
