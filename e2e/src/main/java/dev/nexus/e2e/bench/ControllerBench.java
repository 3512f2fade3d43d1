package dev.nexus.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.SharedInformer;
import dev.nexus.client.informer.SharedInformerFactory;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The issue-3 controller benchmark, against a running {@code nexus up} (controllers in-process): N
 * Workloads of R replicas created at once; the time until all N×R Instances exist and until every
 * Workload's status is correct (replicas, updatedReplicas, observedGeneration); the workload
 * controller's reconciles per second over that time (from the server's /metrics, which includes the
 * in-process controllers); and the heap an informer cache holds per 10,000 Instances (measured in
 * this JVM after GC, before and after a fresh informer lists them).
 */
public final class ControllerBench {
  public static void main(String[] args) throws Exception {
    URI server = URI.create(arg(args, "--server", "http://127.0.0.1:7420"));
    int workloads = Integer.parseInt(arg(args, "--workloads", "1000"));
    int replicas = Integer.parseInt(arg(args, "--replicas", "10"));
    int inFlight = Integer.parseInt(arg(args, "--in-flight", "64"));
    String ns = "bench-ctl-" + Long.toString(System.currentTimeMillis(), 36);
    try (NexusClient client = NexusClient.forServer(server)) {
      client.create(BuiltinKinds.NAMESPACE, ApiObject.of("nexus.dev/v1", "Namespace", null, ns));
      double reconcilesBefore = reconciles(server);
      long allInstancesNanos;
      long allStatusNanos;
      long start;
      try (SharedInformerFactory informers = new SharedInformerFactory(client)) {
        SharedInformer instances = informers.informer(BuiltinKinds.INSTANCE);
        SharedInformer wls = informers.informer(BuiltinKinds.WORKLOAD);
        informers.start();
        informers.waitForSync(Duration.ofMinutes(2));
        start = System.nanoTime();
        createAll(client, ns, workloads, replicas, inFlight);
        long created = System.nanoTime() - start;
        System.err.printf("created %d workloads in %d ms%n", workloads, created / 1_000_000);
        long deadline = start + Duration.ofMinutes(15).toNanos();
        long instancesAt = 0;
        long statusAt = 0;
        while (System.nanoTime() < deadline && (instancesAt == 0 || statusAt == 0)) {
          if (instancesAt == 0 && instances.cache().list(ns).size() >= workloads * replicas) {
            instancesAt = System.nanoTime();
          }
          if (statusAt == 0 && allStatusCorrect(wls.cache(), ns, workloads, replicas)) {
            statusAt = System.nanoTime();
          }
          Thread.sleep(20);
        }
        if (instancesAt == 0 || statusAt == 0) {
          throw new IllegalStateException(
              "not converged in 15 min: " + instances.cache().list(ns).size() + " instances");
        }
        allInstancesNanos = instancesAt - start;
        allStatusNanos = statusAt - start;
        int extra = instances.cache().list(ns).size() - workloads * replicas;
        if (extra != 0) {
          throw new IllegalStateException(extra + " instances too many");
        }
      }
      double reconciles = reconciles(server) - reconcilesBefore;
      double perSecond = reconciles / (allStatusNanos / 1e9);
      long bytesPer10k = informerBytesPer10k(client);
      System.out.printf(
          "workloads=%d replicas=%d all_instances_ms=%d all_status_ms=%d reconciles=%.0f"
              + " reconciles_per_s=%.0f informer_heap_mib_per_10k=%.1f%n",
          workloads,
          replicas,
          allInstancesNanos / 1_000_000,
          allStatusNanos / 1_000_000,
          reconciles,
          perSecond,
          bytesPer10k / (1024.0 * 1024.0));
    }
  }

  private static void createAll(
      NexusClient client, String ns, int workloads, int replicas, int inFlight) throws Exception {
    Semaphore permits = new Semaphore(inFlight);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < workloads; i++) {
        ApiObject w = workload(ns, "w" + i, replicas);
        permits.acquire();
        sent.add(
            pool.submit(
                () -> {
                  try {
                    return client.create(BuiltinKinds.WORKLOAD, w);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    }
  }

  private static boolean allStatusCorrect(Cache cache, String ns, int workloads, int replicas) {
    List<ApiObject> all = cache.list(ns);
    if (all.size() < workloads) {
      return false;
    }
    for (ApiObject w : all) {
      JsonNode st = w.status();
      if (st == null
          || st.path("replicas").asInt(-1) != replicas
          || st.path("updatedReplicas").asInt(-1) != replicas
          || st.path("observedGeneration").asLong(-1) != w.generation()) {
        return false;
      }
    }
    return true;
  }

  /** Heap held by an informer cache of every Instance, scaled to 10,000 objects. */
  private static long informerBytesPer10k(NexusClient client) throws Exception {
    long before = usedHeapAfterGc();
    try (SharedInformerFactory informers = new SharedInformerFactory(client)) {
      SharedInformer instances = informers.informer(BuiltinKinds.INSTANCE);
      informers.start();
      informers.waitForSync(Duration.ofMinutes(2));
      int count = instances.cache().list().size();
      long after = usedHeapAfterGc();
      System.err.printf(
          "informer: %d instances, heap %d -> %d MiB%n", count, before >> 20, after >> 20);
      return (after - before) * 10_000L / Math.max(1, count);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Sum of nexus_controller_reconcile_total for controller="workload" on the server's /metrics. */
  private static double reconciles(URI server) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(server.resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double sum = 0;
      for (String line : body.split("\n")) {
        if (line.startsWith("nexus_controller_reconcile_total{controller=\"workload\"")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    }
  }

  private static ApiObject workload(String ns, String name, int replicas) {
    ApiObject w = ApiObject.of("nexus.dev/v1", "Workload", ns, name);
    ObjectNode spec = w.node().putObject("spec");
    spec.put("replicas", replicas);
    ObjectNode t = spec.putObject("template");
    t.putObject("metadata").putObject("labels").put("app", name);
    t.putObject("spec").put("runtime", "process").putArray("command").add("/bin/true");
    return w;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
