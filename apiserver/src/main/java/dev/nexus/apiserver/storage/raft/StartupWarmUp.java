package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.lmdb.LmdbStore;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JVM-wide set-up that opening a store would otherwise do piece after piece on the opening thread:
 * binding the native LMDB library (about 300 ms cold) and creating the platform MBean server, which
 * Ratis registers every server with (about 200 ms cold, most of it JMX and diagnostic-command class
 * loading). Both are idempotent and thread-safe, so starting them on threads of their own as soon
 * as a store is about to open only takes them off the critical path: whoever needs one first waits
 * for whatever part is still running. A failure here is logged and otherwise ignored: the opener
 * does the same work again and reports it with context.
 */
final class StartupWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private StartupWarmUp() {}

  /** Starts the warm-up once per JVM; returns at once. */
  static void begin() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    run("nexus-warmup-lmdb", LmdbStore::loadNativeLibrary);
    run("nexus-warmup-jmx", ManagementFactory::getPlatformMBeanServer);
  }

  private static void run(String name, Runnable task) {
    // Platform threads: class initialisation blocks, and these end within a second.
    Thread.ofPlatform()
        .name(name)
        .daemon()
        .start(
            () -> {
              try {
                task.run();
              } catch (RuntimeException | LinkageError e) {
                LOG.warn("start-up warm-up {} failed (opening the store will retry): {}", name, e);
              }
            });
  }
}
