package dev.nexus.controllers.workload;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import dev.nexus.client.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends the creations and deletions of one reconcile, several at a time on virtual threads.
 *
 * <p>Creations go in "slow start" batches of 1, 2, 4, ... (as Kubernetes' ReplicaSet controller
 * does): when the first fails (an invalid template, a quota), the rest are not sent, so a broken
 * Workload of 1,000 replicas costs one failed request per attempt, not 1,000.
 */
final class InstanceWriter {
  private final NexusClient client;

  InstanceWriter(NexusClient client) {
    this.client = client;
  }

  /** What a batch of creations did. */
  record Created(List<String> names, List<String> notCreated, Exception failure) {}

  /**
   * Creates {@code instances} in slow-start batches; stops after the first batch with a failure.
   * {@code notCreated} lists every name not created (failed, or never sent).
   */
  Created create(List<ApiObject> instances) throws InterruptedException {
    List<String> created = new ArrayList<>();
    List<String> notCreated = new ArrayList<>();
    Exception failure = null;
    int next = 0;
    int batch = 1;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      while (next < instances.size()) {
        List<ApiObject> slice = instances.subList(next, Math.min(instances.size(), next + batch));
        List<Future<ApiObject>> sent = new ArrayList<>();
        for (ApiObject i : slice) {
          sent.add(pool.submit(() -> client.create(BuiltinKinds.INSTANCE, i)));
        }
        for (int k = 0; k < slice.size(); k++) {
          try {
            sent.get(k).get();
            created.add(slice.get(k).name());
          } catch (ExecutionException e) {
            notCreated.add(slice.get(k).name());
            failure = failure == null ? cause(e) : failure;
          }
        }
        next += slice.size();
        if (failure != null) {
          instances.subList(next, instances.size()).forEach(i -> notCreated.add(i.name()));
          break;
        }
        batch *= 2;
      }
    }
    return new Created(created, notCreated, failure);
  }

  /**
   * Deletes the Instances {@code names} in {@code namespace}, all at once. An Instance already gone
   * counts as deleted. Returns the first failure, or null; {@code notDeleted} hears of each name
   * whose deletion failed.
   */
  Exception delete(String namespace, List<String> names, Consumer<String> notDeleted)
      throws InterruptedException {
    Exception failure = null;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> sent = new ArrayList<>();
      for (String name : names) {
        sent.add(pool.submit(() -> deleteOne(namespace, name)));
      }
      for (int k = 0; k < names.size(); k++) {
        try {
          sent.get(k).get();
        } catch (ExecutionException e) {
          notDeleted.accept(names.get(k));
          failure = failure == null ? cause(e) : failure;
        }
      }
    }
    return failure;
  }

  private Void deleteOne(String namespace, String name) {
    try {
      client.delete(BuiltinKinds.INSTANCE, namespace, name, null);
    } catch (NotFoundException gone) {
      // Someone else (the garbage collector, a user) deleted it first: the goal is met.
    }
    return null;
  }

  private static Exception cause(ExecutionException e) {
    return e.getCause() instanceof Exception c ? c : e;
  }
}
