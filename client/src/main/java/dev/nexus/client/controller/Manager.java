package dev.nexus.client.controller;

import dev.nexus.client.NexusClient;
import dev.nexus.client.informer.SharedInformerFactory;
import dev.nexus.metrics.MetricsRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a set of controllers over shared informers, optionally only while this process leads a
 * Lease. One per process is typical; every controller in it shares one informer per kind.
 *
 * <p>Lifecycle: build controllers with {@link #controller}, then {@link #start()} (which blocks
 * until this manager leads, when leader election is on), then {@link #close()}. A manager that
 * loses leadership stops its controllers for good and runs the {@code onLostLeadership} action (by
 * default it only logs): the process should exit or build a new manager, as in controller-runtime,
 * because nothing it still believes can be trusted.
 */
public final class Manager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Manager.class);

  private final NexusClient client;
  private final String name;
  private final SharedInformerFactory informers;
  private final MetricsRegistry metrics;
  private final Duration syncTimeout;
  private final LeaderElector elector;
  private final Runnable onLostLeadership;
  private final List<Controller> controllers = new ArrayList<>();
  private final Map<String, EventRecorder> recorders = new ConcurrentHashMap<>();
  private boolean running;
  private volatile boolean closed;

  private Manager(Builder b) {
    this.client = b.client;
    this.name = b.name;
    this.informers = new SharedInformerFactory(b.client);
    this.metrics = b.metrics == null ? new MetricsRegistry() : b.metrics;
    this.syncTimeout = b.syncTimeout;
    this.onLostLeadership = b.onLostLeadership;
    this.elector =
        b.leaseName == null
            ? null
            : new LeaderElector(
                b.client,
                new LeaderElectionConfig(
                    b.leaseNamespace,
                    b.leaseName,
                    b.identity == null ? defaultIdentity() : b.identity,
                    b.leaseDuration,
                    b.renewDeadline,
                    b.retryPeriod),
                new LeaderElector.Listener() {
                  @Override
                  public void stoppedLeading() {
                    lostLeadership();
                  }
                });
  }

  public static Builder builder(NexusClient client) {
    return new Builder(client);
  }

  public String name() {
    return name;
  }

  public NexusClient client() {
    return client;
  }

  public SharedInformerFactory informers() {
    return informers;
  }

  /** Where every controller of this manager records its metrics; serve it from /metrics. */
  public MetricsRegistry metrics() {
    return metrics;
  }

  /** A recorder whose events name {@code component} as their source; one per component. */
  public EventRecorder eventRecorder(String component) {
    return recorders.computeIfAbsent(component, c -> new EventRecorder(client, c));
  }

  /** Starts describing a controller; {@link ControllerBuilder#build} registers it here. */
  public ControllerBuilder controller(String controllerName) {
    Objects.requireNonNull(controllerName, "controllerName");
    synchronized (this) {
      if (controllers.stream().anyMatch(c -> c.name().equals(controllerName))) {
        throw new IllegalArgumentException(
            "manager " + name + " already has a controller named " + controllerName);
      }
    }
    return new ControllerBuilder(this, controllerName);
  }

  /** Whether this manager leads (always true without leader election, once started). */
  public boolean isLeader() {
    return elector == null ? running : elector.isLeader();
  }

  /** Whether the controllers are running: started, not closed, leadership not lost. */
  public synchronized boolean isRunning() {
    return running;
  }

  /**
   * Waits for leadership (if configured), starts the informers, waits for their first lists, then
   * starts every controller. Returns without starting anything when the manager is closed while it
   * waits, or when the calling thread is interrupted (its interrupt flag is then set).
   *
   * @throws IllegalStateException when the informers do not sync within the sync timeout
   */
  public void start() {
    if (elector != null) {
      elector.start();
      try {
        while (!closed && !elector.awaitLeadership(Duration.ofSeconds(1))) {
          // keep waiting: another copy leads
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (closed) {
        return;
      }
    }
    informers.start();
    if (!informers.waitForSync(syncTimeout)) {
      throw new IllegalStateException(
          "manager " + name + ": informers did not sync within " + syncTimeout);
    }
    synchronized (this) {
      if (closed || (elector != null && !elector.isLeader())) {
        return;
      }
      running = true;
      controllers.forEach(Controller::start);
    }
    log.info("manager {} started {} controllers", name, controllers.size());
  }

  /** Stops the controllers (waiting for reconciles in progress), releases the Lease, closes. */
  @Override
  public void close() {
    closed = true;
    stopControllers();
    if (elector != null) {
      elector.close();
    }
    informers.close();
  }

  synchronized void register(Controller controller) {
    if (closed) {
      throw new IllegalStateException("manager " + name + " is closed");
    }
    controllers.add(controller);
    if (running) {
      controller.start(); // a late controller: its informers start at once and feed its queue
    }
  }

  private void stopControllers() {
    List<Controller> toStop;
    synchronized (this) {
      running = false;
      toStop = List.copyOf(controllers);
    }
    toStop.forEach(Controller::stop);
  }

  private void lostLeadership() {
    if (closed) {
      return;
    }
    log.error("manager {} lost leadership: stopping its controllers", name);
    stopControllers();
    elector.close(); // stopped for good: it must not lead again with nothing running
    onLostLeadership.run();
  }

  private static String defaultIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "_" + UUID.randomUUID();
  }

  /** Settings of a {@link Manager}. */
  public static final class Builder {
    private final NexusClient client;
    private String name = "controller-manager";
    private String leaseNamespace;
    private String leaseName;
    private String identity;
    private Duration leaseDuration = LeaderElectionConfig.DEFAULT_LEASE_DURATION;
    private Duration renewDeadline = LeaderElectionConfig.DEFAULT_RENEW_DEADLINE;
    private Duration retryPeriod = LeaderElectionConfig.DEFAULT_RETRY_PERIOD;
    private MetricsRegistry metrics;
    private Duration syncTimeout = Duration.ofMinutes(2);
    private Runnable onLostLeadership = () -> {};

    private Builder(NexusClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Run controllers only while leading Lease {@code namespace/leaseName}. */
    public Builder leaderElection(String namespace, String leaseName) {
      this.leaseNamespace = Objects.requireNonNull(namespace, "namespace");
      this.leaseName = Objects.requireNonNull(leaseName, "leaseName");
      return this;
    }

    /** This process's name in the Lease; default host name plus a random UUID. */
    public Builder identity(String identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /** Leader election timings; see {@link LeaderElectionConfig} (defaults 15 s, 10 s, 2 s). */
    public Builder leaderElectionTimings(
        Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
      this.leaseDuration = leaseDuration;
      this.renewDeadline = renewDeadline;
      this.retryPeriod = retryPeriod;
      return this;
    }

    /** Where to record controller metrics; default a registry of the manager's own. */
    public Builder metricsRegistry(MetricsRegistry registry) {
      this.metrics = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** How long {@link #start} waits for the informers' first lists; default 2 minutes. */
    public Builder syncTimeout(Duration timeout) {
      this.syncTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Run after leadership is lost and the controllers stopped (e.g. exit the process). */
    public Builder onLostLeadership(Runnable action) {
      this.onLostLeadership = Objects.requireNonNull(action, "action");
      return this;
    }

    public Manager build() {
      return new Manager(this);
    }
  }
}
