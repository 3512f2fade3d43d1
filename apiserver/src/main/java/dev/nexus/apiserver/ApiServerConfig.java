package dev.nexus.apiserver;

import dev.nexus.apiserver.storage.raft.StoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link ApiServer#start} needs, validated on construction with a message naming the
 * field and the rule. Build one with {@link #builder(StoreConfig)}; every field but the storage has
 * a default.
 *
 * @param host the address to listen on; loopback by default
 * @param port the HTTP port; 0 picks a free one
 * @param store the storage engine's configuration
 * @param maxBodyBytes the largest request body (and encoded object) accepted: 1 MiB
 * @param bookmarkInterval how often an idle watch gets a BOOKMARK (or a keep-alive line)
 * @param watchQueueCapacity events buffered per watch before a client that does not keep up is cut
 *     off (it resumes from its last resourceVersion)
 * @param commitTimeout how long a write waits for storage before answering 504
 * @param readyTimeout how long start-up waits for storage to have a leader
 * @param clock the clock for timestamps
 * @param memberApiAddresses the API address ({@code host:port}) of each Raft member this server was
 *     started with, by member id, for {@code /cluster/members}; members added at run time record
 *     theirs in storage
 */
public record ApiServerConfig(
    String host,
    int port,
    StoreConfig store,
    int maxBodyBytes,
    Duration bookmarkInterval,
    int watchQueueCapacity,
    Duration commitTimeout,
    Duration readyTimeout,
    Clock clock,
    java.util.Map<String, String> memberApiAddresses) {

  public static final int ONE_MIB = 1 << 20;

  public ApiServerConfig {
    require(host != null && !host.isBlank(), "host", "must not be blank");
    require(port >= 0 && port <= 65535, "port", "must be within 0..65535, was " + port);
    require(store != null, "store", "must be set");
    require(maxBodyBytes >= 1024, "maxBodyBytes", "must be at least 1024, was " + maxBodyBytes);
    require(positive(bookmarkInterval), "bookmarkInterval", "must be positive");
    require(watchQueueCapacity >= 1, "watchQueueCapacity", "must be at least 1");
    require(positive(commitTimeout), "commitTimeout", "must be positive");
    require(positive(readyTimeout), "readyTimeout", "must be positive");
    Objects.requireNonNull(clock, "apiserver config: clock must be set");
    memberApiAddresses =
        java.util.Map.copyOf(Objects.requireNonNullElse(memberApiAddresses, java.util.Map.of()));
  }

  public static Builder builder(StoreConfig store) {
    return new Builder(store);
  }

  public Builder toBuilder() {
    return new Builder(store)
        .host(host)
        .port(port)
        .maxBodyBytes(maxBodyBytes)
        .bookmarkInterval(bookmarkInterval)
        .watchQueueCapacity(watchQueueCapacity)
        .commitTimeout(commitTimeout)
        .readyTimeout(readyTimeout)
        .clock(clock)
        .memberApiAddresses(memberApiAddresses);
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String field, String rule) {
    if (!ok) {
      throw new IllegalArgumentException("apiserver config: " + field + ": " + rule);
    }
  }

  /** Mutable builder with defaults; {@link #build()} validates. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private StoreConfig store;
    private int maxBodyBytes = ONE_MIB;
    private Duration bookmarkInterval = Duration.ofSeconds(5);
    private int watchQueueCapacity = 1000;
    private Duration commitTimeout = Duration.ofSeconds(30);
    private Duration readyTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private java.util.Map<String, String> memberApiAddresses = java.util.Map.of();

    private Builder(StoreConfig store) {
      this.store = store;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder store(StoreConfig v) {
      store = v;
      return this;
    }

    public Builder maxBodyBytes(int v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder bookmarkInterval(Duration v) {
      bookmarkInterval = v;
      return this;
    }

    public Builder watchQueueCapacity(int v) {
      watchQueueCapacity = v;
      return this;
    }

    public Builder commitTimeout(Duration v) {
      commitTimeout = v;
      return this;
    }

    public Builder readyTimeout(Duration v) {
      readyTimeout = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder memberApiAddresses(java.util.Map<String, String> v) {
      memberApiAddresses = v;
      return this;
    }

    public ApiServerConfig build() {
      return new ApiServerConfig(
          host,
          port,
          store,
          maxBodyBytes,
          bookmarkInterval,
          watchQueueCapacity,
          commitTimeout,
          readyTimeout,
          clock,
          memberApiAddresses);
    }
  }
}
