package dev.nexus.client.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link LeaderElector}, checked when built.
 *
 * @param namespace the Lease's namespace
 * @param leaseName the Lease's name; every copy of one controller uses the same
 * @param identity this candidate's name in {@code spec.holderIdentity}; unique per process
 * @param leaseDuration how long others wait after the lease last changed before taking it over
 *     (whole seconds, as the Lease records it)
 * @param renewDeadline how long the leader keeps leading without a successful renewal; shorter than
 *     {@code leaseDuration}, so a leader steps down before anyone else may take over
 * @param retryPeriod how often candidates try to acquire and the leader renews
 */
public record LeaderElectionConfig(
    String namespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  public LeaderElectionConfig {
    Objects.requireNonNull(namespace, "leader election: namespace is required");
    Objects.requireNonNull(leaseName, "leader election: leaseName is required");
    Objects.requireNonNull(identity, "leader election: identity is required");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("leader election: identity must not be blank");
    }
    if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0 || leaseDuration.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "leader election: leaseDuration must be whole seconds, at least 1s: " + leaseDuration);
    }
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "leader election: renewDeadline "
              + renewDeadline
              + " must be shorter than leaseDuration "
              + leaseDuration);
    }
    if (!retryPeriod.isPositive() || retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException(
          "leader election: retryPeriod "
              + retryPeriod
              + " must be positive and shorter than renewDeadline "
              + renewDeadline);
    }
  }

  /** The defaults (15 s lease, 10 s renew deadline, 2 s retry), as in controller-runtime. */
  public static LeaderElectionConfig of(String namespace, String leaseName, String identity) {
    return new LeaderElectionConfig(
        namespace,
        leaseName,
        identity,
        DEFAULT_LEASE_DURATION,
        DEFAULT_RENEW_DEADLINE,
        DEFAULT_RETRY_PERIOD);
  }

  public LeaderElectionConfig withTimings(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaderElectionConfig(
        namespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod);
  }
}
