package dev.nexus.testing.controller;

import static dev.nexus.testing.controller.PolicyEndpoints.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.client.ListOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Controller;
import dev.nexus.client.controller.ControllerMetrics;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.RateLimiters;
import dev.nexus.client.controller.Reconciler;
import dev.nexus.client.controller.Result;
import dev.nexus.client.controller.TerminalException;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a controller does when its reconciler fails, gives up, panics or asks to come back. */
@NexusTest
class ReconcileFailuresIT {
  NexusClient client;
  TestServer server;
  Manager manager;
  final Map<String, List<Long>> calls = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    if (manager != null) {
      manager.close();
    }
  }

  /** Runs {@code reconciler} for Policies of {@code ns} only, recording when each was called. */
  private Controller start(String ns, Reconciler reconciler) {
    manager = Manager.builder(client).build();
    Controller c =
        manager
            .controller("failing")
            .forKind(BuiltinKinds.POLICY)
            .rateLimiter(RateLimiters.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)))
            .build(
                request -> {
                  if (!ns.equals(request.namespace())) {
                    return Result.done();
                  }
                  calls
                      .computeIfAbsent(request.name(), n -> new CopyOnWriteArrayList<>())
                      .add(System.nanoTime());
                  return reconciler.reconcile(request);
                });
    manager.start();
    return c;
  }

  private int callsOf(String name) {
    return calls.getOrDefault(name, List.of()).size();
  }

  @Test
  void anExceptionIsRetriedWithGrowingBackoffUntilItSucceeds() {
    String ns = server.newNamespace();
    Controller c =
        start(
            ns,
            request -> {
              if (callsOf(request.name()) <= 3) {
                throw new IllegalStateException("not yet");
              }
              return Result.done();
            });
    client.create(BuiltinKinds.POLICY, policy(ns, "flaky"));
    await().atMost(Duration.ofSeconds(20)).until(() -> callsOf("flaky") == 4);
    List<Long> at = calls.get("flaky");
    long[] minGapMs = {100, 200, 400};
    for (int i = 0; i < 3; i++) {
      long gap = (at.get(i + 1) - at.get(i)) / 1_000_000;
      assertThat(gap).as("wait before retry %d", i + 1).isGreaterThanOrEqualTo(minGapMs[i] - 5);
    }
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> callsOf("flaky") == 4);
    assertThat(c.metrics().count(ControllerMetrics.Outcome.ERROR)).isEqualTo(3);
    // Success also counts other tests' Policies, which this reconciler skips.
    assertThat(c.metrics().count(ControllerMetrics.Outcome.SUCCESS)).isPositive();
    assertThat(c.metrics().errorCount()).isEqualTo(3);
    assertThat(c.queue().retries(new dev.nexus.client.controller.Request(ns, "flaky")))
        .as("success forgets the retry history")
        .isZero();
  }

  @Test
  void aTerminalExceptionIsNotRetriedAndLeavesAWarningEvent() {
    String ns = server.newNamespace();
    Controller c =
        start(
            ns,
            request -> {
              throw new TerminalException("spec.network names no peers: nothing to allow");
            });
    client.create(BuiltinKinds.POLICY, policy(ns, "hopeless"));
    await().until(() -> callsOf("hopeless") == 1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> callsOf("hopeless") == 1);
    assertThat(c.metrics().count(ControllerMetrics.Outcome.TERMINAL)).isEqualTo(1);
    await()
        .untilAsserted(
            () -> {
              var events =
                  client
                      .listAll(
                          BuiltinKinds.EVENT,
                          ns,
                          ListOptions.fields("involvedObject.name=hopeless"))
                      .items();
              assertThat(events).hasSize(1);
              assertThat(events.getFirst().node().path("type").asText()).isEqualTo("Warning");
              assertThat(events.getFirst().node().path("reason").asText())
                  .isEqualTo("ReconcileFailed");
              assertThat(events.getFirst().node().path("message").asText())
                  .contains("spec.network names no peers");
            });
  }

  @Test
  void aPanicIsContainedLoggedWithAReconcileIdAndTheControllerGoesOn() {
    Logger controllerLog = (Logger) LoggerFactory.getLogger(Controller.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    controllerLog.addAppender(logs);
    try {
      String ns = server.newNamespace();
      Controller c =
          start(
              ns,
              request -> {
                if (request.name().equals("bad")) {
                  throw new AssertionError("the reconciler's own bug");
                }
                return Result.done();
              });
      client.create(BuiltinKinds.POLICY, policy(ns, "bad"));
      await().until(() -> callsOf("bad") >= 2); // retried, so the worker survived
      client.create(BuiltinKinds.POLICY, policy(ns, "good"));
      await().until(() -> callsOf("good") == 1);
      assertThat(c.metrics().count(ControllerMetrics.Outcome.PANIC)).isGreaterThanOrEqualTo(2);
      ILoggingEvent panic =
          logs.list.stream()
              .filter(e -> e.getFormattedMessage().contains("panicked"))
              .findFirst()
              .orElseThrow();
      assertThat(panic.getMDCPropertyMap())
          .containsEntry("controller", "failing")
          .containsEntry("request", ns + "/bad")
          .containsKey("reconcileID");
      assertThat(panic.getFormattedMessage())
          .contains(panic.getMDCPropertyMap().get("reconcileID"));
      assertThat(panic.getThrowableProxy().getMessage()).isEqualTo("the reconciler's own bug");
    } finally {
      controllerLog.detachAppender(logs);
    }
  }

  @Test
  void requeueAfterComesBackAfterTheDelay() {
    String ns = server.newNamespace();
    start(
        ns,
        request ->
            callsOf(request.name()) == 1
                ? Result.requeueAfter(Duration.ofMillis(400))
                : Result.done());
    client.create(BuiltinKinds.POLICY, policy(ns, "later"));
    await().until(() -> callsOf("later") == 2);
    List<Long> at = calls.get("later");
    assertThat((at.get(1) - at.get(0)) / 1_000_000).isGreaterThanOrEqualTo(395);
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(5))
        .until(() -> callsOf("later") == 2);
  }
}
