package dev.nexus.client.informer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of an informer that changes its cache and calls its handlers, running tasks in the
 * order they were queued. Because the cache changes here, right before handlers hear of it, a
 * handler always finds the object it was told about in the cache (or newer), and a handler added
 * late sees the cache exactly as the next event will find it.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final String name;
  private volatile Thread thread;
  private volatile boolean stopped;

  Dispatcher(String name) {
    this.name = name;
  }

  void start() {
    thread = Thread.ofVirtual().name(name).start(this::run);
  }

  /** Queues a task; tasks queued before {@link #start()} run once it starts. */
  void submit(Runnable task) {
    if (!stopped) {
      tasks.add(task);
    }
  }

  int backlog() {
    return tasks.size();
  }

  void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  private void run() {
    while (!stopped) {
      Runnable task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        // Handler failures are caught per handler; reaching here is a bug in the informer itself,
        // and stopping the thread would freeze the cache, so log and go on.
        LOG.error("{}: dispatch task failed", name, e);
      }
    }
  }
}
