package dev.nexus.apiserver.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Server-set timestamps: RFC 3339 in UTC with whole seconds, like Kubernetes. */
final class Timestamps {
  private Timestamps() {}

  static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
