package dev.nexus.e2e.bench;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watch fan-out: N watchers on one namespace, then W writes one after another; for each write, the
 * time from just before the create request to its delivery at every watcher. Prints p50 and p99
 * over all (write, watcher) deliveries and p99 of the time until the last watcher has a write.
 *
 * <p>Writer and watchers share this JVM, so {@link System#nanoTime()} stamps compare directly.
 */
public final class WatchFanout {
  private static final String NAMESPACE = "bench-fanout";
  private static final String SENT = "bench.nexus.dev/sent-nanos";

  public static void main(String[] args) throws Exception {
    String server = arg(args, "--server", "http://127.0.0.1:7420");
    int watchers = Integer.parseInt(arg(args, "--watchers", "1000"));
    int writes = Integer.parseInt(arg(args, "--writes", "50"));
    try (NexusClient client = NexusClient.forServer(URI.create(server))) {
      ensureNamespace(client);
      String from =
          client
              .list(BuiltinKinds.WORKLOAD, NAMESPACE, new ListOptions(null, null, 1, null))
              .resourceVersion();
      long[][] latencies = new long[writes][watchers];
      CountDownLatch[] delivered = new CountDownLatch[writes];
      for (int i = 0; i < writes; i++) {
        delivered[i] = new CountDownLatch(watchers);
      }
      // Open the watches concurrently: each open waits for the server's response headers.
      List<Watch> open = java.util.Collections.synchronizedList(new ArrayList<>(watchers));
      AtomicInteger failures = new AtomicInteger();
      try (var opener = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < watchers; w++) {
          int watcher = w;
          opener.submit(
              () ->
                  open.add(
                      client.watch(
                          BuiltinKinds.WORKLOAD,
                          NAMESPACE,
                          WatchOptions.from(from),
                          event -> record(event, watcher, latencies, delivered))));
        }
      }
      if (open.size() != watchers) {
        throw new IllegalStateException(
            "only " + open.size() + " of " + watchers + " watches opened");
      }
      long[] lastDelivery = new long[writes];
      String run = Long.toString(System.currentTimeMillis(), 36);
      for (int i = 0; i < writes; i++) {
        ApiObject wl = workload("fan-" + run + "-" + i);
        long sent = System.nanoTime();
        wl.metadata().putObject("annotations").put(SENT, Long.toString(sent));
        client.create(BuiltinKinds.WORKLOAD, wl);
        if (!delivered[i].await(30, TimeUnit.SECONDS)) {
          failures.incrementAndGet();
        }
        lastDelivery[i] = Arrays.stream(latencies[i]).max().orElse(0);
      }
      open.forEach(Watch::close);
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      Arrays.sort(lastDelivery);
      System.out.printf(
          "p50 %.1f ms, p99 %.1f ms per delivery; p99 %.1f ms until all %d watchers had a write"
              + " (%d writes%s)%n",
          ms(percentile(all, 0.50)),
          ms(percentile(all, 0.99)),
          ms(percentile(lastDelivery, 0.99)),
          watchers,
          writes,
          failures.get() == 0 ? "" : ", " + failures.get() + " NOT delivered to all in 30 s");
    }
  }

  private static void record(
      WatchEvent event, int watcher, long[][] latencies, CountDownLatch[] delivered) {
    if (event.type() != WatchEvent.Type.ADDED) {
      return;
    }
    long now = System.nanoTime();
    String name = event.object().name();
    int write = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    long sent = Long.parseLong(event.object().annotations().get(SENT));
    latencies[write][watcher] = now - sent;
    delivered[write].countDown();
  }

  private static void ensureNamespace(NexusClient client) {
    try {
      client.create(
          BuiltinKinds.NAMESPACE,
          ApiObject.of(BuiltinKinds.API_VERSION, "Namespace", null, NAMESPACE));
    } catch (dev.nexus.api.error.ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private static ApiObject workload(String name) {
    ApiObject wl = ApiObject.of(BuiltinKinds.API_VERSION, "Workload", NAMESPACE, name);
    var spec = wl.node().putObject("spec");
    spec.put("replicas", 1);
    var template = spec.putObject("template");
    template.putObject("metadata").putObject("labels").put("app", "fanout");
    var ts = template.putObject("spec");
    ts.put("runtime", "process");
    ts.putArray("command").add("/bin/true");
    return wl;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private WatchFanout() {}
}
