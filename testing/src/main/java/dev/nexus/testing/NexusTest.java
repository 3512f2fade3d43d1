package dev.nexus.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real in-process Nexus API server: a one-member Raft group
 * over LMDB in a temporary directory, HTTP on an ephemeral loopback port. The server starts once
 * before the class's first test and stops (its directory deleted) after the last one; {@link
 * dev.nexus.client.NexusClient} and {@link TestServer} fields and parameters are injected.
 *
 * <pre>{@code
 * @NexusTest(watchHistoryWindow = 50)
 * class MyControllerIT {
 *   NexusClient client;      // injected
 *   TestServer server;       // injected
 *
 *   @Test
 *   void createsThings() { ... }
 * }
 * }</pre>
 *
 * <p>Attributes left at their defaults keep the server's own defaults (except for the smaller watch
 * ring and start-up timeout the extension picks for tests). Anything not covered here can be tuned
 * by registering {@link NexusServerExtension#builder()} with {@code @RegisterExtension} instead of
 * this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NexusServerExtension.class)
public @interface NexusTest {
  /**
   * How many revisions of watch history storage keeps; a watch from an older revision gets 410
   * Gone. 0 keeps the server's default (100,000).
   */
  long watchHistoryWindow() default 0;

  /** How many recent revisions the in-memory watch ring keeps; 0 keeps the test default (256). */
  int watchCacheRevisions() default 0;

  /** Milliseconds between BOOKMARKs on an idle watch; 0 keeps the server's default (5 s). */
  long bookmarkIntervalMillis() default 0;

  /** Events buffered per watch before a slow client is cut off; 0 keeps the default (1000). */
  int watchQueueCapacity() default 0;
}
