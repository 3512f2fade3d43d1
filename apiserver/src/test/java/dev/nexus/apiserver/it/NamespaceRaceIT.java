package dev.nexus.apiserver.it;

import static dev.nexus.apiserver.it.Objects.workloadJson;
import static dev.nexus.apiserver.it.Objects.workloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Creates racing with the deletion of their namespace, over HTTP: each either lands before the
 * namespace turns Terminating (and the deletion sweeps it away) or is refused with 403 or 404; the
 * namespace still goes away, and nothing reappears when a namespace of that name is created again.
 * (NamespaceGuardIT forces the exact interleaving; this shows it under real concurrency.)
 */
class NamespaceRaceIT {
  @RegisterExtension static final ServerExtension SERVER = new ServerExtension();

  private final Http http = SERVER.http();

  private static String namespacePath(String ns) {
    return "/apis/nexus.dev/v1/namespaces/" + ns;
  }

  private String createNamespace(String name) {
    Http.Resp r =
        http.post(
            "/apis/nexus.dev/v1/namespaces",
            "{\"apiVersion\":\"nexus.dev/v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name
                + "\"}}");
    assertThat(r.code()).as(r.toString()).isEqualTo(201);
    return r.json().path("metadata").path("resourceVersion").asText();
  }

  @Test
  void createsRacingANamespaceDeletionAreRefusedOrSweptNeverOrphaned() throws Exception {
    String ns = SERVER.newNamespace();
    ConcurrentLinkedQueue<Http.Resp> refused = new ConcurrentLinkedQueue<>();
    CountDownLatch someCreated = new CountDownLatch(8);
    try (ExecutorService creators = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> running =
          java.util.stream.IntStream.range(0, 4)
              .<Future<?>>mapToObj(
                  t ->
                      creators.submit(
                          () -> {
                            for (int i = 0; ; i++) {
                              String name = "w" + t + "-" + i;
                              Http.Resp r = http.post(workloads(ns), workloadJson(ns, name, 1));
                              if (r.code() != 201) {
                                refused.add(r);
                                return;
                              }
                              someCreated.countDown();
                            }
                          }))
              .toList();
      assertThat(someCreated.await(30, TimeUnit.SECONDS)).isTrue();

      Http.Resp deleted = http.delete(namespacePath(ns));
      assertThat(deleted.code()).as(deleted.toString()).isEqualTo(200);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
    }

    assertThat(refused).hasSize(4);
    for (Http.Resp r : refused) {
      assertThat(r.code()).as(r.toString()).isIn(403, 404);
      assertThat(r.message())
          .as(r.toString())
          .containsAnyOf("because it is being terminated", "namespace \"" + ns + "\" not found");
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(http.get(namespacePath(ns)).code()).isEqualTo(404));
    createNamespace(ns);
    assertThat(http.get(workloads(ns)).json().path("items")).isEmpty();
  }
}
