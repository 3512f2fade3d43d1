package dev.nexus.e2e.faults;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConflictException;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import dev.nexus.e2e.history.Call;
import dev.nexus.e2e.history.HistoryRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write load of several clients on a few registers, every operation recorded. A register is a
 * Lease in {@code default}; its value is {@code spec.holderIdentity}, unique per write ({@code
 * c<client>-<n>}). Each client is a {@link NexusClient} configured with every member (rotated, so
 * clients start on different members) and does reads (GET), writes (PUT without a resourceVersion)
 * and compare-and-sets (PUT with the resourceVersion of its last read). Every fifth operation it
 * also creates an object of its own ({@code ack-c<client>-<n>}) and remembers the acknowledged
 * ones, which must all survive any fault.
 *
 * <p>Outcomes, as {@link dev.nexus.e2e.history} requires: a success is ok; a 4xx (409 on a stale
 * resourceVersion) is fail only when the client did not move to another member during the request
 * (after a failover, the 409 may answer the client's own earlier attempt, which may have been
 * applied); everything else is info.
 */
public final class RegisterLoad implements AutoCloseable {
  static final String NAMESPACE = "default";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final HistoryRecorder recorder;
  private final List<URI> servers;
  private final int clients;
  private final List<String> keys;
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong okWrites = new AtomicLong();
  private final boolean rotate;
  private volatile boolean running;

  public RegisterLoad(HistoryRecorder recorder, List<URI> servers, int clients, int registers) {
    this(recorder, servers, clients, registers, true);
  }

  /**
   * @param rotate give each client the servers in a different order (else all use {@code servers}
   *     in the order given, e.g. to keep clients off a member that is made slow)
   */
  public RegisterLoad(
      HistoryRecorder recorder, List<URI> servers, int clients, int registers, boolean rotate) {
    this.rotate = rotate;
    this.recorder = recorder;
    this.servers = List.copyOf(servers);
    this.clients = clients;
    this.keys = java.util.stream.IntStream.range(0, registers).mapToObj(i -> "reg-" + i).toList();
  }

  public List<String> keys() {
    return keys;
  }

  /** Creates every register (recorded as writes of process {@code clients}), then the workers. */
  public void start() {
    try (NexusClient setup = client(clients)) {
      for (String key : keys) {
        HistoryRecorder.Pending op = recorder.invoke(clients, key, new Call.Write("init-" + key));
        outcome(op, setup, () -> setup.create(BuiltinKinds.LEASE, lease(key, "init-" + key)));
      }
    }
    running = true;
    for (int c = 0; c < clients; c++) {
      int process = c;
      workers.add(Thread.ofPlatform().name("load-c" + c).start(() -> work(process)));
    }
  }

  /** Successful writes and compare-and-sets so far; tests wait for it to grow. */
  public long okWrites() {
    return okWrites.get();
  }

  /** Object names whose create was acknowledged. */
  public List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** Stops the workers; each finishes its operation in flight (at most the request timeout). */
  public void stop() {
    running = false;
    for (Thread t : workers) {
      try {
        t.join(REQUEST_TIMEOUT.toMillis() * 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Reads every register on each member through a client of that member only, recorded (process 100
   * + member index): a lost or stale write shows up in the check.
   */
  public void finalReads(List<URI> members) {
    for (int m = 0; m < members.size(); m++) {
      try (NexusClient one =
          NexusClient.forServer(members.get(m), Duration.ofSeconds(2), REQUEST_TIMEOUT)) {
        for (String key : keys) {
          boolean answered = false;
          for (int attempt = 0; attempt < 5 && !answered; attempt++) {
            answered = read(100 + m, one, key) != null;
          }
          if (!answered) {
            throw new AssertionError(
                members.get(m) + " does not answer a linearizable read of " + key);
          }
        }
      }
    }
  }

  private NexusClient client(int process) {
    List<URI> rotated = new ArrayList<>(servers);
    if (rotate) {
      java.util.Collections.rotate(rotated, -(process % servers.size()));
    }
    return NexusClient.forServers(rotated, Duration.ofSeconds(1), REQUEST_TIMEOUT);
  }

  private void work(int process) {
    Random random = new Random(process * 7919L + System.nanoTime());
    java.util.Map<String, ApiObject> lastRead = new java.util.HashMap<>();
    try (NexusClient client = client(process)) {
      for (long n = 1; running; n++) {
        if (n % 5 == 0) {
          createOwn(client, "ack-c" + process + "-" + n);
          continue;
        }
        String key = keys.get(random.nextInt(keys.size()));
        int dice = random.nextInt(10);
        String value = "c" + process + "-" + n;
        ApiObject seen = lastRead.remove(key);
        if (dice < 4 || (dice >= 7 && seen == null)) {
          ApiObject got = read(process, client, key);
          if (got != null) {
            lastRead.put(key, got);
          }
        } else if (dice < 7) {
          HistoryRecorder.Pending op = recorder.invoke(process, key, new Call.Write(value));
          outcome(op, client, () -> client.replace(BuiltinKinds.LEASE, lease(key, value)));
        } else {
          HistoryRecorder.Pending op =
              recorder.invoke(process, key, new Call.Cas(valueOf(seen), value));
          ApiObject next = lease(key, value).setResourceVersion(seen.resourceVersion());
          outcome(op, client, () -> client.replace(BuiltinKinds.LEASE, next));
        }
      }
    }
  }

  private void createOwn(NexusClient client, String name) {
    try {
      client.create(BuiltinKinds.LEASE, lease(name, name));
      acknowledged.add(name);
    } catch (RuntimeException e) {
      // not acknowledged: it may or may not exist afterwards, either is fine
    }
  }

  private ApiObject read(int process, NexusClient client, String key) {
    HistoryRecorder.Pending op = recorder.invoke(process, key, new Call.Read());
    try {
      ApiObject got = client.get(BuiltinKinds.LEASE, NAMESPACE, key);
      op.ok(valueOf(got));
      return got;
    } catch (NotFoundException e) {
      op.ok(null);
    } catch (RuntimeException e) {
      op.info(e.getMessage());
    }
    return null;
  }

  private void outcome(HistoryRecorder.Pending op, NexusClient client, Runnable request) {
    URI before = client.server();
    try {
      request.run();
      op.ok();
      okWrites.incrementAndGet();
    } catch (ConflictException | NotFoundException e) {
      refused(op, client, before, e);
    } catch (ApiException e) {
      if (e.code() >= 400 && e.code() < 500 && e.code() != 408 && e.code() != 429) {
        refused(op, client, before, e);
      } else {
        op.info(e.getMessage());
        backOff();
      }
    } catch (RuntimeException e) {
      op.info(e.toString());
      backOff();
    }
  }

  /**
   * After an indeterminate outcome (no member answered, or one had no leader) a client waits a
   * little before its next request, as real clients back off; otherwise four clients spinning on
   * instant refusals take the CPU the members need to recover.
   */
  private static void backOff() {
    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
  }

  private static void refused(
      HistoryRecorder.Pending op, NexusClient client, URI before, ApiException e) {
    if (client.server().equals(before)) {
      op.fail(e.code() + " " + e.getMessage());
    } else {
      op.info("after moving from " + before + " to " + client.server() + ": " + e.getMessage());
    }
  }

  static ApiObject lease(String name, String value) {
    ApiObject o = ApiObject.of(BuiltinKinds.LEASE.apiVersion(), "Lease", NAMESPACE, name);
    o.node().putObject("spec").put("holderIdentity", value);
    return o;
  }

  static String valueOf(ApiObject lease) {
    return lease.spec() == null ? null : lease.spec().path("holderIdentity").asText(null);
  }

  @Override
  public void close() {
    stop();
  }
}
