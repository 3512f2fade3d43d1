package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election over one Lease object, as client-go does it:
 *
 * <ol>
 *   <li>A candidate takes the Lease when nobody holds it, or when its record has not changed for
 *       {@code spec.leaseDurationSeconds} as measured on the candidate's own clock (so clock skew
 *       between machines does not matter). Every write carries the resourceVersion it read, so of
 *       two candidates racing, one gets 409 and stays a candidate.
 *   <li>The leader renews ({@code spec.renewTime}) every retry period. If no renewal succeeded for
 *       {@code renewDeadline}, it steps down; that is before anyone else may take over, because the
 *       deadline is shorter than the lease duration.
 *   <li>{@link #close} releases the Lease (clears the holder) so a successor need not wait.
 * </ol>
 */
public final class LeaderElector implements AutoCloseable {
  /** Told when this candidate starts and stops leading; called on the elector's thread. */
  public interface Listener {
    default void startedLeading() {}

    default void stoppedLeading() {}
  }

  private static final Logger log = LoggerFactory.getLogger(LeaderElector.class);

  private final NexusClient client;
  private final LeaderElectionConfig config;
  private final Listener listener;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile boolean leading;
  private volatile boolean closed;
  private Thread loop;

  /** The last Lease record seen, and when (nanoTime) it was first seen like this. */
  private String observedRecord;

  private long observedAt;

  public LeaderElector(NexusClient client, LeaderElectionConfig config, Listener listener) {
    this.client = Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Starts trying to acquire, then renewing, on a virtual thread of its own. */
  public synchronized void start() {
    if (loop != null) {
      throw new IllegalStateException("leader elector already started");
    }
    loop = Thread.ofVirtual().name("leader-elector-" + config.leaseName()).start(this::run);
  }

  public boolean isLeader() {
    return leading;
  }

  public String identity() {
    return config.identity();
  }

  /** Waits until this candidate leads; false when the timeout passed or the elector closed. */
  public boolean awaitLeadership(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!leading && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return leading;
    } finally {
      lock.unlock();
    }
  }

  /** Stops trying; a leader stops leading (listener told) and releases the Lease. */
  @Override
  public void close() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = loop;
    }
    signal(); // wakes a pause; a request in flight finishes first (bounded by its timeout)
    if (t != null && t != Thread.currentThread()) { // a listener may close it from its thread
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    signal();
  }

  private void run() {
    try {
      while (!closed) {
        boolean acquired = false;
        while (!closed && !(acquired = tryAcquireOrRenew())) {
          pause(config.retryPeriod(), 1.2);
        }
        if (closed) {
          if (acquired) {
            release();
          }
          return;
        }
        setLeading(true);
        log.info("{} now leads lease {}/{}", identity(), config.namespace(), config.leaseName());
        listener.startedLeading();
        renewUntilDeadlineMissed();
        setLeading(false);
        listener.stoppedLeading();
        if (closed) {
          release();
          return;
        }
        log.error(
            "{} stepped down from lease {}/{}: no renewal succeeded for {}",
            identity(),
            config.namespace(),
            config.leaseName(),
            config.renewDeadline());
      }
    } catch (InterruptedException e) {
      // Nobody interrupts this thread but the JVM shutting down: stop leading, keep the flag.
      Thread.currentThread().interrupt();
      if (leading) {
        setLeading(false);
        listener.stoppedLeading();
      }
    }
  }

  /** Renews every retry period; returns when closed or when renewal failed for renewDeadline. */
  private void renewUntilDeadlineMissed() throws InterruptedException {
    long lastRenewed = System.nanoTime();
    while (!closed) {
      pause(config.retryPeriod(), 1.0);
      long left = config.renewDeadline().toNanos() - (System.nanoTime() - lastRenewed);
      if (left <= 0 || closed) {
        return;
      }
      // Bound the attempt by the deadline: a request hanging past it must not keep us leading.
      CompletableFuture<Boolean> attempt = new CompletableFuture<>();
      Thread.ofVirtual().start(() -> attempt.complete(tryAcquireOrRenew()));
      try {
        if (attempt.get(left, TimeUnit.NANOSECONDS)) {
          lastRenewed = System.nanoTime();
        }
      } catch (TimeoutException e) {
        return;
      } catch (ExecutionException e) {
        log.warn("renewing lease {}: {}", config.leaseName(), e.getCause().toString());
      }
    }
  }

  /**
   * One attempt: creates the Lease, takes it over, or renews it. True when this candidate holds it
   * afterwards. Failures to reach the server count as a failed attempt.
   */
  public boolean tryAcquireOrRenew() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try {
      ApiObject lease;
      try {
        lease = client.get(BuiltinKinds.LEASE, config.namespace(), config.leaseName());
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
        client.create(BuiltinKinds.LEASE, newLease(now));
        observe("created:" + now);
        return true;
      }
      JsonNode spec = lease.spec() == null ? Json.MAPPER.createObjectNode() : lease.spec();
      String holder = spec.path("holderIdentity").asText("");
      String record =
          holder + "|" + spec.path("renewTime").asText("") + "|" + lease.resourceVersion();
      observe(record);
      boolean mine = holder.equals(identity());
      long durationNanos =
          Duration.ofSeconds(
                  spec.path("leaseDurationSeconds").asLong(config.leaseDuration().toSeconds()))
              .toNanos();
      if (!holder.isEmpty() && !mine && System.nanoTime() - observedAt < durationNanos) {
        return false; // someone else holds it and it has not expired
      }
      ApiObject next = lease.copy();
      ObjectNode s = next.node().putObject("spec");
      if (spec instanceof ObjectNode o) {
        s.setAll(o.deepCopy());
      }
      s.put("holderIdentity", identity());
      s.put("leaseDurationSeconds", config.leaseDuration().toSeconds());
      s.put("renewTime", now.toString());
      if (!mine) {
        s.put("acquireTime", now.toString());
        s.put("leaseTransitions", spec.path("leaseTransitions").asLong(0) + 1);
      }
      ApiObject written = client.replace(BuiltinKinds.LEASE, next);
      observe(identity() + "|" + now + "|" + written.resourceVersion());
      return true;
    } catch (ApiException e) {
      if (e.code() != 409) {
        log.warn("lease {}/{}: {}", config.namespace(), config.leaseName(), e.getMessage());
      }
      return false; // 409: another candidate wrote first
    }
  }

  private ApiObject newLease(Instant now) {
    ApiObject lease =
        ApiObject.of(BuiltinKinds.API_VERSION, "Lease", config.namespace(), config.leaseName());
    ObjectNode spec = lease.node().putObject("spec");
    spec.put("holderIdentity", identity());
    spec.put("leaseDurationSeconds", config.leaseDuration().toSeconds());
    spec.put("acquireTime", now.toString());
    spec.put("renewTime", now.toString());
    spec.put("leaseTransitions", 0);
    return lease;
  }

  /** Clears the holder if it is still us, so the next candidate takes over at once. */
  private void release() {
    try {
      ApiObject lease = client.get(BuiltinKinds.LEASE, config.namespace(), config.leaseName());
      if (lease.spec() == null
          || !identity().equals(lease.spec().path("holderIdentity").asText())) {
        return;
      }
      ApiObject next = lease.copy();
      ObjectNode spec = (ObjectNode) next.node().get("spec");
      spec.putNull("holderIdentity");
      spec.put("leaseDurationSeconds", 1);
      spec.put("renewTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      client.replace(BuiltinKinds.LEASE, next);
      log.info("{} released lease {}/{}", identity(), config.namespace(), config.leaseName());
    } catch (ApiException e) {
      log.warn(
          "could not release lease {}/{}: {}",
          config.namespace(),
          config.leaseName(),
          e.getMessage());
    }
  }

  private void observe(String record) {
    if (!record.equals(observedRecord)) {
      observedRecord = record;
      observedAt = System.nanoTime();
    }
  }

  private void setLeading(boolean value) {
    leading = value;
    signal();
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sleeps {@code period} plus up to {@code jitter - 1} of it, so candidates do not move in step.
   */
  private void pause(Duration period, double jitter) throws InterruptedException {
    long nanos = period.toNanos();
    if (jitter > 1.0) {
      nanos += (long) (nanos * (jitter - 1.0) * ThreadLocalRandom.current().nextDouble());
    }
    lock.lock();
    try {
      long left = nanos;
      while (left > 0 && !closed) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
