package dev.nexus.e2e.bench;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watch fan-out: N watchers on one namespace, then W writes one after another; for each write, the
 * time from just before the create request to the arrival of its watch event at every watcher.
 * Prints p50 and p99 over all (write, watcher) deliveries and p99 of the time until the last
 * watcher has a write.
 *
 * <p>The watchers are plain HTTP/1.1 connections read by one selector thread, which finds each
 * event's stamp in the raw line instead of decoding it: the client shares the server's cores, and a
 * thousand full JSON decodes per write would measure the client, not the server's delivery. Writer
 * and watchers share this JVM, so {@link System#nanoTime()} stamps compare directly.
 */
public final class WatchFanout {
  private static final String NAMESPACE = "bench-fanout";
  private static final String SENT = "bench.nexus.dev/sent";
  private static final byte[] MARKER = ("\"" + SENT + "\":\"").getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws Exception {
    URI server = URI.create(arg(args, "--server", "http://127.0.0.1:7420"));
    int watchers = Integer.parseInt(arg(args, "--watchers", "1000"));
    int writes = Integer.parseInt(arg(args, "--writes", "50"));
    try (NexusClient client = NexusClient.forServer(server)) {
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
      String request =
          "GET /apis/nexus.dev/v1/namespaces/"
              + NAMESPACE
              + "/workloads?watch=true&resourceVersion="
              + from
              + " HTTP/1.1\r\nHost: "
              + server.getHost()
              + "\r\nAccept: application/json\r\n\r\n";
      try (Watchers readers =
          new Watchers(
              new InetSocketAddress(server.getHost(), server.getPort()),
              watchers,
              request,
              (watcher, write, sent, now) -> {
                latencies[write][watcher] = now - sent;
                delivered[write].countDown();
              })) {
        readers.awaitOpen(60);
        long[] lastDelivery = new long[writes];
        int failures = 0;
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < writes; i++) {
          ApiObject wl = workload("fan-" + run + "-" + i);
          long sent = System.nanoTime();
          wl.metadata().putObject("annotations").put(SENT, i + ":" + sent);
          client.create(BuiltinKinds.WORKLOAD, wl);
          if (!delivered[i].await(30, TimeUnit.SECONDS)) {
            failures++;
          }
          lastDelivery[i] = Arrays.stream(latencies[i]).max().orElse(0);
        }
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
            failures == 0 ? "" : ", " + failures + " NOT delivered to all in 30 s");
      }
    }
  }

  /** What a watcher saw: write {@code write}, stamped {@code sent}, arrived at {@code now}. */
  interface Delivery {
    void arrived(int watcher, int write, long sent, long now);
  }

  /** N watch connections read by one selector thread. */
  static final class Watchers implements AutoCloseable {
    private final Selector selector = Selector.open();
    private final Thread reader;
    private final AtomicInteger open = new AtomicInteger();
    private final int count;
    private volatile boolean running = true;
    private volatile IOException failure;

    Watchers(InetSocketAddress address, int count, String request, Delivery delivery)
        throws IOException {
      this.count = count;
      byte[] req = request.getBytes(StandardCharsets.US_ASCII);
      for (int w = 0; w < count; w++) {
        SocketChannel ch = SocketChannel.open(address);
        ch.write(ByteBuffer.wrap(req));
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ, new Stream(w, delivery, open));
      }
      reader = Thread.ofPlatform().name("fanout-reader").daemon().start(this::run);
    }

    void awaitOpen(int seconds) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (open.get() < count) {
        if (failure != null) {
          throw failure;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + open.get() + " of " + count + " watches opened");
        }
        Thread.sleep(10);
      }
    }

    private void run() {
      ByteBuffer buf = ByteBuffer.allocateDirect(64 << 10);
      try {
        while (running) {
          selector.select(100);
          long now = System.nanoTime();
          for (SelectionKey key : selector.selectedKeys()) {
            SocketChannel ch = (SocketChannel) key.channel();
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) {
              throw new IOException("a watch connection was closed by the server");
            }
            buf.flip();
            ((Stream) key.attachment()).feed(buf, now);
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException e) {
        failure = e;
      }
    }

    @Override
    public void close() throws IOException {
      running = false;
      try {
        reader.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
      selector.close();
    }
  }

  /**
   * One connection's bytes: response headers, then chunked transfer encoding around NDJSON lines.
   */
  static final class Stream {
    private enum State {
      HEADERS,
      CHUNK_SIZE,
      CHUNK_DATA,
      CHUNK_END
    }

    private final int watcher;
    private final Delivery delivery;
    private final AtomicInteger open;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private State state = State.HEADERS;
    private long chunkLeft;

    Stream(int watcher, Delivery delivery, AtomicInteger open) {
      this.watcher = watcher;
      this.delivery = delivery;
      this.open = open;
    }

    void feed(ByteBuffer buf, long now) throws IOException {
      while (buf.hasRemaining()) {
        byte b = buf.get();
        switch (state) {
          case HEADERS -> {
            line.write(b);
            if (endsWithBlankLine()) {
              String headers = line.toString(StandardCharsets.US_ASCII);
              if (!headers.startsWith("HTTP/1.1 200")) {
                throw new IOException("watch refused: " + headers.lines().findFirst().orElse(""));
              }
              line.reset();
              state = State.CHUNK_SIZE;
              open.incrementAndGet();
            }
          }
          case CHUNK_SIZE -> {
            if (b == '\n') {
              String size = line.toString(StandardCharsets.US_ASCII).trim();
              int ext = size.indexOf(';');
              chunkLeft = Long.parseLong(ext < 0 ? size : size.substring(0, ext), 16);
              line.reset();
              state = chunkLeft == 0 ? State.CHUNK_END : State.CHUNK_DATA;
            } else {
              line.write(b);
            }
          }
          case CHUNK_DATA -> {
            event(b, now);
            if (--chunkLeft == 0) {
              state = State.CHUNK_END;
            }
          }
          case CHUNK_END -> {
            if (b == '\n') {
              state = State.CHUNK_SIZE;
            }
          }
        }
      }
    }

    private final ByteArrayOutputStream event = new ByteArrayOutputStream();

    private void event(byte b, long now) {
      if (b != '\n') {
        event.write(b);
        return;
      }
      byte[] bytes = event.toByteArray();
      event.reset();
      int at = indexOf(bytes, MARKER);
      if (at < 0 || !contains(bytes, "\"type\":\"ADDED\"")) {
        return; // a bookmark, a keep-alive, or an event of no write of ours
      }
      int start = at + MARKER.length;
      int end = start;
      while (bytes[end] != '"') {
        end++;
      }
      String stamp = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
      int colon = stamp.indexOf(':');
      delivery.arrived(
          watcher,
          Integer.parseInt(stamp.substring(0, colon)),
          Long.parseLong(stamp.substring(colon + 1)),
          now);
    }

    private boolean endsWithBlankLine() {
      byte[] b = line.toByteArray();
      int n = b.length;
      return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private static boolean contains(byte[] bytes, String s) {
      return indexOf(bytes, s.getBytes(StandardCharsets.US_ASCII)) >= 0;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= bytes.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (bytes[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
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
