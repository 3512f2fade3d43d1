package dev.nexus.e2e.faults;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.client.NexusClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes to one member only (a client configured with just that member, so it cannot fail over),
 * one create after another, and remembers what each answered: used against a member cut off from
 * the majority, which must not report success for any of them. The request timeout outlasts the
 * server's own commit timeout (10 s), so the answers are the member's, not the client's.
 */
final class MinorityProbe implements AutoCloseable {
  /** One attempt: the object name, whether the member reported success, and its error if not. */
  record Attempt(String name, boolean ok, int code, String error, long millis) {}

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final NexusClient client;
  private final Thread thread;
  private volatile boolean running = true;

  MinorityProbe(URI member, String prefix) {
    this.client = NexusClient.forServer(member, Duration.ofSeconds(1), Duration.ofSeconds(15));
    this.thread =
        Thread.ofPlatform()
            .name("minority-probe")
            .start(
                () -> {
                  for (int n = 0; running; n++) {
                    String name = prefix + n;
                    long start = System.nanoTime();
                    try {
                      client.create(BuiltinKinds.LEASE, RegisterLoad.lease(name, name));
                      attempts.add(new Attempt(name, true, 201, null, ms(start)));
                    } catch (ApiException e) {
                      attempts.add(new Attempt(name, false, e.code(), e.getMessage(), ms(start)));
                    } catch (RuntimeException e) {
                      attempts.add(new Attempt(name, false, -1, e.toString(), ms(start)));
                    }
                  }
                });
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public void close() {
    running = false;
    try {
      // The attempt in flight is answered within the request timeout: all of them are answered
      // before the test heals the partition.
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }
}
