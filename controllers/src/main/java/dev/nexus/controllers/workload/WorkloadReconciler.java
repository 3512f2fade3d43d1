package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import dev.nexus.client.controller.Conditions;
import dev.nexus.client.controller.EventRecorder;
import dev.nexus.client.controller.Reconciler;
import dev.nexus.client.controller.Request;
import dev.nexus.client.controller.Result;
import dev.nexus.client.controller.TerminalException;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles one Workload: reads it and the Instances it controls from the informer caches, asks
 * the {@link RolloutPlanner} what to do, does it, and reports in the Workload's status.
 *
 * <p>Status is written when the reconcile changed nothing (or a creation failed): after a change
 * the caches will soon show its effect and queue another reconcile, which then reports the new
 * state, so a rollout step costs one status write instead of two and never shows a count from
 * before its own creations.
 */
final class WorkloadReconciler implements Reconciler {
  /** Longest wait for a creation or deletion to show in the cache before acting again anyway. */
  static final Duration EXPECTATION_TTL = Duration.ofSeconds(30);

  private final NexusClient client;
  private final Cache workloads;
  private final Cache instances;
  private final EventRecorder events;
  private final Expectations expectations;
  private final InstanceFactory factory;
  private final InstanceWriter writer;
  private final InstanceClaims claims;
  private final Clock clock;

  WorkloadReconciler(
      NexusClient client,
      Cache workloads,
      Cache instances,
      EventRecorder events,
      Expectations expectations,
      InstanceFactory factory,
      Clock clock) {
    this.client = client;
    this.workloads = workloads;
    this.instances = instances;
    this.events = events;
    this.expectations = expectations;
    this.factory = factory;
    this.writer = new InstanceWriter(client);
    this.claims = new InstanceClaims(client);
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) throws Exception {
    String key = request.key();
    Optional<ApiObject> found = workloads.get(request.namespace(), request.name());
    if (found.isEmpty()) {
      expectations.forget(key); // its Instances are the garbage collector's now
      return Result.done();
    }
    ApiObject workload = found.get();
    if (workload.deletionTimestamp() != null) {
      return Result.done(); // being deleted: replacing its Instances would fight the deletion
    }
    RolloutSpec spec;
    try {
      spec = RolloutSpec.of(workload);
    } catch (IllegalArgumentException e) {
      throw new TerminalException("workload " + key + ": " + e.getMessage(), e);
    }
    expectations.observe(key, name -> instances.get(request.namespace(), name).isPresent());
    if (!expectations.satisfied(key)) {
      // Our own writes are not in the cache yet: acting now could create the same Instances twice.
      // Their events queue this Workload again; the delay is only a net for a lost event.
      return Result.requeueAfter(expectations.untilExpiry(key));
    }
    List<ApiObject> owned =
        claims.claim(workload, instances.byIndex(Indexes.OWNER, workload.uid()), instances);
    Instant now = clock.instant();
    Plan plan = RolloutPlanner.plan(spec, owned.stream().map(InstanceView::of).toList(), now);
    Exception deleteFailure = delete(workload, key, plan);
    String createFailure = create(workload, key, spec, plan);
    Duration recheck = plan.recheckAfter();
    if (plan.isEmpty() || createFailure != null) {
      ObjectNode status = writeStatus(workload, spec, plan, createFailure, now);
      // A stalled rollout sends no events: look again when its deadline passes.
      recheck = earliest(recheck, WorkloadStatus.untilDeadline(workload, status, now).orElse(null));
    }
    if (createFailure != null) {
      throw new IllegalStateException("workload " + key + ": " + createFailure);
    }
    if (deleteFailure != null) {
      throw deleteFailure;
    }
    return recheck == null ? Result.done() : Result.requeueAfter(recheck);
  }

  private static Duration earliest(Duration a, Duration b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private Exception delete(ApiObject workload, String key, Plan plan) throws InterruptedException {
    if (plan.deletions().isEmpty()) {
      return null;
    }
    List<String> names = plan.deletions().stream().map(Plan.Deletion::name).toList();
    expectations.expectDeletions(key, names);
    Exception failure =
        writer.delete(
            workload.namespace(), names, name -> expectations.deletionObserved(key, name));
    for (Plan.Reason reason : Plan.Reason.values()) {
      List<String> deleted = plan.deleted(reason);
      if (!deleted.isEmpty()) {
        events.normal(workload, eventReason(reason), deleteMessage(reason, deleted));
      }
    }
    if (failure != null) {
      events.warning(workload, "FailedDelete", "Error deleting instances: " + describe(failure));
    }
    return failure;
  }

  /** Creates what the plan asks for; returns the error message of a failed creation, or null. */
  private String create(ApiObject workload, String key, RolloutSpec spec, Plan plan)
      throws InterruptedException {
    if (plan.create() == 0) {
      return null;
    }
    List<ApiObject> wanted = new ArrayList<>(plan.create());
    for (int i = 0; i < plan.create(); i++) {
      String name = factory.name(workload.name(), spec.templateHash());
      wanted.add(factory.instance(workload, spec.templateHash(), name));
    }
    expectations.expectCreations(key, wanted.stream().map(ApiObject::name).toList());
    InstanceWriter.Created result = writer.create(wanted);
    result.notCreated().forEach(name -> expectations.creationObserved(key, name));
    if (!result.names().isEmpty()) {
      events.normal(
          workload,
          "ScalingUp",
          "Created "
              + result.names().size()
              + (result.names().size() == 1 ? " instance" : " instances")
              + " of template "
              + spec.templateHash());
    }
    if (result.failure() == null) {
      return null;
    }
    String message = "Error creating instances: " + describe(result.failure());
    events.warning(workload, "FailedCreate", message);
    return message;
  }

  /** Writes the status the Workload should have, if it differs; returns it. */
  private ObjectNode writeStatus(
      ApiObject workload, RolloutSpec spec, Plan plan, String createFailure, Instant now) {
    ObjectNode desired = WorkloadStatus.desired(workload, spec, plan.counts(), createFailure, now);
    if (WorkloadStatus.changed(workload, desired).isEmpty()) {
      return desired;
    }
    reportStall(workload, desired);
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.set("status", desired);
    try {
      client.patchStatus(BuiltinKinds.WORKLOAD, workload.namespace(), workload.name(), patch);
    } catch (NotFoundException gone) {
      // Deleted meanwhile: nothing to report on.
    }
    return desired;
  }

  /** A Warning event when the rollout has just passed its progress deadline. */
  private void reportStall(ApiObject workload, ObjectNode desired) {
    String stalled = WorkloadStatus.DEADLINE_EXCEEDED;
    var after = Conditions.get(desired, WorkloadStatus.PROGRESSING);
    var before = Conditions.get(workload.status(), WorkloadStatus.PROGRESSING);
    if (after.isPresent()
        && stalled.equals(after.get().reason())
        && !before.map(c -> stalled.equals(c.reason())).orElse(false)) {
      events.warning(workload, stalled, after.get().message());
    }
  }

  private static String eventReason(Plan.Reason reason) {
    return switch (reason) {
      case TERMINATED -> "ReplacingTerminated";
      case EXCESS -> "ScalingDown";
      case OLD_TEMPLATE -> "RollingUpdate";
    };
  }

  private static String deleteMessage(Plan.Reason reason, List<String> names) {
    String what =
        switch (reason) {
          case TERMINATED -> "terminated";
          case EXCESS -> "excess";
          case OLD_TEMPLATE -> "old-template";
        };
    String list =
        names.size() <= 5
            ? String.join(", ", names)
            : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    return "Deleted "
        + names.size()
        + " "
        + what
        + (names.size() == 1 ? " instance: " : " instances: ")
        + list;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
