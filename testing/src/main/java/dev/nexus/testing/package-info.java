/**
 * Test support for Nexus users and for Nexus itself: a real API server in the test's own JVM, no
 * fakes.
 *
 * <p>{@link dev.nexus.testing.NexusTest @NexusTest} on a test class starts one API server for the
 * class — a one-member Raft group over LMDB in a fresh temporary directory, HTTP on an ephemeral
 * loopback port — before its first test, and stops it and deletes the directory after its last.
 * Fields and parameters of type {@link dev.nexus.client.NexusClient} (one client shared by the
 * class) and {@link dev.nexus.testing.TestServer} (its URI, a fresh namespace per test, the running
 * {@code ApiServer}, restart on the same data directory and port) are injected. Annotation
 * attributes tune the watch history window, the watch ring, the bookmark interval and the watch
 * queue; {@link dev.nexus.testing.NexusServerExtension#builder()} registered with
 * {@code @RegisterExtension} tunes anything else.
 *
 * <p>Objects persist for the whole class: tests isolate themselves with {@link
 * dev.nexus.testing.TestServer#newNamespace()}. {@link dev.nexus.testing.Eventually} waits for
 * asynchronous outcomes with Awaitility (never {@code Thread.sleep}).
 *
 * <p>The module depends on JUnit Jupiter's API and Awaitility at compile scope so a user's test
 * only needs {@code nexus-testing} (plus a JUnit engine) in test scope.
 */
package dev.nexus.testing;
