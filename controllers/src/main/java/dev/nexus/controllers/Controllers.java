package dev.nexus.controllers;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConflictException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Manager;
import dev.nexus.controllers.gc.GarbageCollector;
import dev.nexus.controllers.workload.WorkloadController;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every built-in controller (workload, garbage collector) in one {@link Manager}, leader-elected on
 * a Lease so that only one copy acts at a time.
 *
 * <p>{@link #start} returns at once; a thread of its own then makes sure the Lease's namespace
 * exists, waits for leadership, starts the controllers, and, should leadership be lost (the API
 * server unreachable for longer than the renew deadline), stops them, builds a fresh manager and
 * waits for leadership again: nothing a manager believed before losing the Lease is trusted.
 * Failures to reach the server are retried with backoff, so the controllers may be started before
 * the server.
 *
 * <p>Logs are one line per event, {@code key=value} pairs after a fixed message, so they can be
 * grepped and parsed.
 */
public final class Controllers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Controllers.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final NexusClient client;
  private final ControllersOptions options;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch firstStart = new CountDownLatch(1);
  private final Thread runner;
  private volatile Manager current;

  private Controllers(NexusClient client, ControllersOptions options) {
    this.client = client;
    this.options = options;
    this.runner = Thread.ofPlatform().name("nexus-controllers").daemon().unstarted(this::run);
  }

  /** Starts running the controllers against {@code client}'s server; returns at once. */
  public static Controllers start(NexusClient client, ControllersOptions options) {
    Controllers c = new Controllers(client, options);
    c.runner.start();
    return c;
  }

  /** Registers every built-in controller with {@code manager} (for callers with their own). */
  public static void registerAll(Manager manager, ControllersOptions options) {
    WorkloadController.register(manager, options.workloadWorkers());
    GarbageCollector.register(manager);
  }

  /** Waits until this copy leads and its controllers run for the first time. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return firstStart.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether this copy leads and its controllers are running. */
  public boolean isLeading() {
    Manager m = current;
    return m != null && m.isRunning();
  }

  public ControllersOptions options() {
    return options;
  }

  private void run() {
    Duration backoff = Duration.ofMillis(200);
    while (closed.getCount() > 0) {
      CountDownLatch lost = new CountDownLatch(1);
      Manager manager = null;
      try {
        ensureNamespace();
        manager =
            Manager.builder(client)
                .name("nexus-controllers")
                .leaderElection(options.leaseNamespace(), options.leaseName())
                .identity(options.identity())
                .metricsRegistry(options.metrics())
                .onLostLeadership(lost::countDown)
                .build();
        registerAll(manager, options);
        current = manager;
        log.info(
            "controllers waiting for leadership lease={}/{} identity={}",
            options.leaseNamespace(),
            options.leaseName(),
            options.identity());
        manager.start();
        if (manager.isRunning()) {
          log.info(
              "controllers started lease={}/{} identity={} controllers=workload,garbage-collector",
              options.leaseNamespace(),
              options.leaseName(),
              options.identity());
          firstStart.countDown();
          backoff = Duration.ofMillis(200);
        }
        waitForEither(lost);
        if (lost.getCount() == 0 && closed.getCount() > 0) {
          log.warn("controllers lost leadership identity={} action=restart", options.identity());
        }
      } catch (RuntimeException e) {
        log.warn(
            "controllers failed to start server={} error=\"{}\" retry_in_ms={}",
            client.server(),
            e.getMessage(),
            backoff.toMillis());
        await(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      } finally {
        if (manager != null) {
          manager.close();
        }
      }
    }
  }

  /** The Lease lives in a namespace, which an empty or older server may not have yet. */
  private void ensureNamespace() {
    if (client.find(BuiltinKinds.NAMESPACE, null, options.leaseNamespace()).isPresent()) {
      return;
    }
    try {
      client.create(
          BuiltinKinds.NAMESPACE,
          ApiObject.of(
              BuiltinKinds.NAMESPACE.apiVersion(), "Namespace", null, options.leaseNamespace()));
      log.info("controllers created namespace={}", options.leaseNamespace());
    } catch (ConflictException raced) {
      // Another copy created it first: what we wanted.
    }
  }

  private void waitForEither(CountDownLatch lost) {
    try {
      while (closed.getCount() > 0 && !lost.await(200, TimeUnit.MILLISECONDS)) {
        // wait for close() or lost leadership
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void await(Duration d) {
    try {
      closed.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the controllers (waiting for reconciles in progress) and releases the Lease. */
  @Override
  public void close() {
    closed.countDown();
    Manager m = current;
    if (m != null) {
      m.close(); // also ends a start() still waiting for leadership
    }
    try {
      runner.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("controllers stopped identity={}", options.identity());
  }
}
