package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent creates share Raft entries (group commit), so many objects share a resourceVersion. A
 * client that watches with a timeout and resumes from the last resourceVersion it saw, as every
 * Kubernetes client does, must still see each object exactly once: a stream never ends inside a
 * revision.
 */
class WatchSharedRevisionIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();
  private static final String PAD = "x".repeat(30_000);

  @Test
  void aClientResumingAfterEachTimeoutSeesEveryConcurrentCreateOnce() throws Exception {
    Http http = SERVER.http();
    String ns = SERVER.newNamespace();
    long rv = http.get(workloads(ns)).json().path("metadata").path("resourceVersion").asLong();
    Set<String> created = ConcurrentHashMap.newKeySet();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      writers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < 30; i++) {
                      String name = "w" + thread + "-" + i;
                      // Large objects: the stream spends most of its time inside revisions.
                      String body =
                          workloadJson(ns, name, 1)
                              .replaceFirst(
                                  "\"labels\":",
                                  "\"annotations\":{\"pad\":\"" + PAD + "\"},\"labels\":");
                      if (http.post(workloads(ns), body).code() == 201) {
                        created.add(name);
                      }
                    }
                  }));
    }

    // Several clients, each resuming after every timeout: each stream ends at its own moment.
    List<Chain> chains = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      chains.add(new Chain(http, ns, rv, writers, created));
    }
    for (Chain c : chains) {
      c.thread.join(Duration.ofSeconds(90));
    }

    assertThat(created).hasSize(16 * 30);
    for (Chain c : chains) {
      assertThat(c.seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
      assertThat(c.streams).as("the watch timed out and was resumed").isGreaterThan(1);
      assertThat(c.perRevision.values()).as("creates shared revisions").anyMatch(n -> n > 1);
    }
  }

  /** One client: watches with a 1 s timeout, resuming from the last resourceVersion it saw. */
  static final class Chain {
    final List<String> seen = new ArrayList<>();
    final Map<Long, Integer> perRevision = new HashMap<>();
    final Thread thread;
    volatile int streams;

    Chain(Http http, String ns, long from, List<Thread> writers, Set<String> created) {
      thread = Thread.ofVirtual().start(() -> run(http, ns, from, writers, created));
    }

    private void run(Http http, String ns, long from, List<Thread> writers, Set<String> created) {
      long rv = from;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline
          && (writers.stream().anyMatch(Thread::isAlive) || seen.size() < created.size())) {
        streams++;
        try (WatchClient w =
            WatchClient.open(
                http, workloads(ns) + "?watch=true&timeoutSeconds=1&resourceVersion=" + rv)) {
          for (JsonNode e = w.next(Duration.ofSeconds(10));
              e != null && e != WatchClient.END;
              e = w.next(Duration.ofSeconds(10))) {
            if ("ADDED".equals(WatchClient.type(e))) {
              seen.add(WatchClient.name(e));
              rv = WatchClient.rv(e);
              perRevision.merge(rv, 1, Integer::sum);
            }
          }
        } catch (Exception e) {
          throw new AssertionError("watch failed", e);
        }
      }
    }
  }
}
