package dev.nexus.testing.controller;

import static dev.nexus.testing.controller.PolicyEndpoints.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.LeaderElectionConfig;
import dev.nexus.client.controller.LeaderElector;
import dev.nexus.client.controller.Manager;
import dev.nexus.client.controller.Result;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two copies of a controller share one Lease: only the leader reconciles. */
@NexusTest
class LeaderElectionIT {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration RENEW_DEADLINE = Duration.ofMillis(1500);
  private static final Duration RETRY = Duration.ofMillis(200);

  NexusClient client;
  TestServer server;

  private Manager manager(String ns, String identity, List<String> reconciledBy) {
    Manager m =
        Manager.builder(client)
            .name(identity)
            .identity(identity)
            .leaderElection(ns, "policy-controller")
            .leaderElectionTimings(LEASE, RENEW_DEADLINE, RETRY)
            .build();
    m.controller("policies")
        .forKind(BuiltinKinds.POLICY)
        .build(
            request -> {
              if (ns.equals(request.namespace())) {
                reconciledBy.add(identity + ":" + request.name());
              }
              return Result.done();
            });
    return m;
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItCloses() throws Exception {
    String ns = server.newNamespace();
    List<String> reconciled = new CopyOnWriteArrayList<>();
    Manager a = manager(ns, "copy-a", reconciled);
    Manager b = manager(ns, "copy-b", reconciled);
    Thread.ofVirtual().start(a::start);
    Thread.ofVirtual().start(b::start);
    try {
      await().until(() -> a.isRunning() || b.isRunning());
      Manager leader = a.isRunning() ? a : b;
      Manager follower = leader == a ? b : a;
      ApiObject lease = client.get(BuiltinKinds.LEASE, ns, "policy-controller");
      assertThat(lease.spec().path("holderIdentity").asText()).isEqualTo(leader.name());

      client.create(BuiltinKinds.POLICY, policy(ns, "one"));
      await().until(() -> reconciled.contains(leader.name() + ":one"));
      // The follower keeps waiting while the leader renews (well past the lease duration).
      await()
          .during(LEASE.plusSeconds(1))
          .atMost(LEASE.plusSeconds(10))
          .until(() -> !follower.isRunning() && follower.isLeader() == false);
      assertThat(reconciled).allMatch(r -> r.startsWith(leader.name() + ":"));

      long transitions = lease.spec().path("leaseTransitions").asLong();
      leader.close();
      ApiObject released = client.get(BuiltinKinds.LEASE, ns, "policy-controller");
      assertThat(
              released.spec().path("holderIdentity").isNull()
                  || !released.spec().path("holderIdentity").asText().equals(leader.name()))
          .as("close releases the lease")
          .isTrue();

      // The follower takes over at once (the lease was released) and reconciles what exists.
      await().atMost(Duration.ofSeconds(15)).until(follower::isRunning);
      await().until(() -> reconciled.contains(follower.name() + ":one"));
      ApiObject taken = client.get(BuiltinKinds.LEASE, ns, "policy-controller");
      assertThat(taken.spec().path("holderIdentity").asText()).isEqualTo(follower.name());
      assertThat(taken.spec().path("leaseTransitions").asLong()).isGreaterThan(transitions);
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void aLeaderWhoseRenewalsFailStepsDownWithinTheRenewDeadline() throws Exception {
    String ns = server.newNamespace();
    AtomicInteger started = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    LeaderElectionConfig config =
        LeaderElectionConfig.of(ns, "lock", "me").withTimings(LEASE, RENEW_DEADLINE, RETRY);
    try (LeaderElector elector =
        new LeaderElector(
            client,
            config,
            new LeaderElector.Listener() {
              @Override
              public void startedLeading() {
                started.incrementAndGet();
              }

              @Override
              public void stoppedLeading() {
                stopped.set(true);
              }
            })) {
      elector.start();
      assertThat(elector.awaitLeadership(Duration.ofSeconds(10))).isTrue();
      // Someone else writes the lease behind its back: every renewal from now on fails.
      ObjectNode patch = JsonNodeFactory.instance.objectNode();
      patch.putObject("spec").put("holderIdentity", "intruder");
      long t0 = System.nanoTime();
      client.patch(BuiltinKinds.LEASE, ns, "lock", patch);
      await().atMost(Duration.ofSeconds(10)).untilTrue(stopped);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(elector.isLeader()).isFalse();
      assertThat(ms).isLessThan(RENEW_DEADLINE.toMillis() + RETRY.toMillis() + 1_500);
      assertThat(started.get()).isEqualTo(1);
    }
  }

  @Test
  void aManagerThatLosesItsLeaseStopsItsControllersForGood() {
    String ns = server.newNamespace();
    AtomicBoolean lost = new AtomicBoolean();
    List<String> reconciled = new CopyOnWriteArrayList<>();
    Manager m =
        Manager.builder(client)
            .name("solo")
            .identity("solo")
            .leaderElection(ns, "solo-lease")
            .leaderElectionTimings(LEASE, RENEW_DEADLINE, RETRY)
            .onLostLeadership(() -> lost.set(true))
            .build();
    m.controller("policies")
        .forKind(BuiltinKinds.POLICY)
        .build(
            request -> {
              if (ns.equals(request.namespace())) {
                reconciled.add(request.name());
              }
              return Result.done();
            });
    try {
      m.start();
      assertThat(m.isRunning()).isTrue();
      ObjectNode patch = JsonNodeFactory.instance.objectNode();
      patch.putObject("spec").put("holderIdentity", "intruder");
      client.patch(BuiltinKinds.LEASE, ns, "solo-lease", patch);
      await().atMost(Duration.ofSeconds(10)).untilTrue(lost);
      assertThat(m.isRunning()).isFalse();
      client.create(BuiltinKinds.POLICY, policy(ns, "after-loss"));
      // Even once the intruder's lease expires, the stopped manager neither leads nor reconciles.
      await()
          .during(LEASE.plusSeconds(1))
          .atMost(LEASE.plusSeconds(10))
          .until(() -> !m.isLeader() && !reconciled.contains("after-loss"));
    } finally {
      m.close();
    }
  }
}
