package dev.nexus.client.controller;

import dev.nexus.api.model.ApiObject;
import dev.nexus.client.informer.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A running reconcile loop: workers take keys from the queue and call the reconciler, one key per
 * worker at a time. Built by {@link ControllerBuilder} and started and stopped by its {@link
 * Manager}.
 *
 * <p>Outcomes: {@link Result.Done} forgets the key's retry history; {@link Result.RequeueAfter}
 * does too, and queues the key again after the delay; an exception queues it with rate-limited
 * backoff; a {@link TerminalException} is logged, counted and recorded as a Warning event on the
 * object, and not retried. Any other {@link Throwable} (a "panic") is contained: logged with its
 * stack and retried like an exception, and the worker goes on. Every log line of a reconcile
 * carries MDC keys {@code controller}, {@code request} and {@code reconcileID}.
 */
public final class Controller {
  private static final Logger log = LoggerFactory.getLogger(Controller.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final String name;
  private final Reconciler reconciler;
  private final WorkQueue<Request> queue;
  private final int workers;
  private final ControllerMetrics metrics;
  private final EventRecorder recorder;
  private final Cache primaryCache;
  private final List<Thread> threads = new ArrayList<>();
  private boolean started;

  Controller(
      String name,
      Reconciler reconciler,
      WorkQueue<Request> queue,
      int workers,
      ControllerMetrics metrics,
      EventRecorder recorder,
      Cache primaryCache) {
    this.name = name;
    this.reconciler = reconciler;
    this.queue = queue;
    this.workers = workers;
    this.metrics = metrics;
    this.recorder = recorder;
    this.primaryCache = primaryCache;
  }

  public String name() {
    return name;
  }

  /** The controller's queue: other code may {@link WorkQueue#add} keys to reconcile. */
  public WorkQueue<Request> queue() {
    return queue;
  }

  public ControllerMetrics metrics() {
    return metrics;
  }

  synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (int i = 0; i < workers; i++) {
      threads.add(Thread.ofVirtual().name(name + "-worker-" + i).start(this::work));
    }
    log.info("controller {} started with {} workers", name, workers);
  }

  /** Stops taking keys and waits for reconciles in progress to finish. */
  void stop() {
    queue.close();
    List<Thread> running;
    synchronized (this) {
      running = List.copyOf(threads);
    }
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (Thread t : running) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !t.join(Duration.ofNanos(left))) {
          log.warn(
              "controller {}: worker {} still reconciling after {}", name, t.getName(), STOP_WAIT);
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void work() {
    Request request;
    while ((request = queue.take()) != null) {
      try {
        reconcileOnce(request);
      } finally {
        queue.done(request);
      }
    }
  }

  private void reconcileOnce(Request request) {
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
    MDC.put("controller", name);
    MDC.put("request", request.key());
    MDC.put("reconcileID", id);
    long start = System.nanoTime();
    try {
      Result result = reconciler.reconcile(request);
      queue.forget(request);
      if (result instanceof Result.RequeueAfter(Duration delay)) {
        queue.addAfter(request, delay);
        metrics.reconciled(ControllerMetrics.Outcome.REQUEUE_AFTER, start);
      } else {
        metrics.reconciled(ControllerMetrics.Outcome.SUCCESS, start);
      }
    } catch (TerminalException e) {
      queue.forget(request);
      metrics.reconciled(ControllerMetrics.Outcome.TERMINAL, start);
      log.error(
          "reconcile {} of {} failed and will not be retried: {}",
          id,
          request.key(),
          e.getMessage(),
          e);
      object(request).ifPresent(o -> recorder.warning(o, "ReconcileFailed", e.getMessage()));
    } catch (Exception e) {
      metrics.reconciled(ControllerMetrics.Outcome.ERROR, start);
      queue.addRateLimited(request);
      log.warn(
          "reconcile {} of {} failed (retry {}): {}",
          id,
          request.key(),
          queue.retries(request),
          e.toString(),
          e);
    } catch (Throwable t) {
      // A panic: contained so that one bad object cannot stop the controller.
      metrics.reconciled(ControllerMetrics.Outcome.PANIC, start);
      queue.addRateLimited(request);
      log.error(
          "reconcile {} of {} panicked (retry {})", id, request.key(), queue.retries(request), t);
    } finally {
      MDC.remove("controller");
      MDC.remove("request");
      MDC.remove("reconcileID");
    }
  }

  private Optional<ApiObject> object(Request request) {
    if (recorder == null || primaryCache == null) {
      return Optional.empty();
    }
    return primaryCache.get(request.namespace(), request.name());
  }
}
