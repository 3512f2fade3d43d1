package dev.nexus.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waiting for asynchronous outcomes (a controller acting, a watch event arriving) without sleeps:
 * thin defaults over Awaitility suited to a loaded CI machine. Assertions inside are retried until
 * they pass or the timeout ends, and the last failure is reported.
 *
 * <pre>{@code
 * Eventually.assertThat(() -> assertThat(client.find(INSTANCE, ns, "web-1")).isEmpty());
 * ApiObject ready = Eventually.get(() -> client.get(WORKLOAD, ns, "web"), w -> isReady(w));
 * }</pre>
 */
public final class Eventually {
  /** How long the helpers wait unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Eventually() {}

  /**
   * An Awaitility condition factory with Nexus's defaults (30 s, polling every 25 ms, exceptions
   * retried).
   */
  public static ConditionFactory await() {
    return await(DEFAULT_TIMEOUT);
  }

  public static ConditionFactory await(Duration timeout) {
    return Awaitility.await()
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(25))
        .ignoreExceptions();
  }

  /** Retries {@code assertion} until it does not throw, for at most {@link #DEFAULT_TIMEOUT}. */
  public static void assertThat(ThrowingRunnable assertion) {
    await().untilAsserted(assertion);
  }

  public static void assertThat(Duration timeout, ThrowingRunnable assertion) {
    await(timeout).untilAsserted(assertion);
  }

  /** Calls {@code supplier} until its value matches {@code condition}, and returns that value. */
  public static <T> T get(Callable<T> supplier, Predicate<? super T> condition) {
    return await().until(supplier, condition::test);
  }
}
