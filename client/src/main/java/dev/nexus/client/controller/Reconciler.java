package dev.nexus.client.controller;

/**
 * Brings the world in line with one object's desired state. Called with the object's key only; read
 * the current object (from an informer cache or the client) and act on what is there now. An object
 * that no longer exists is usually success: clean up and return {@link Result#done()}.
 *
 * <p>Throwing retries the key with rate-limited backoff; throwing {@link TerminalException} does
 * not. Any other {@link Throwable} is contained by the controller and treated like an exception.
 * One key is never reconciled by two workers at once, different keys may run concurrently.
 */
@FunctionalInterface
public interface Reconciler {
  Result reconcile(Request request) throws Exception;
}
