/**
 * The controller runtime (DESIGN §6): what a user needs to write a controller, shaped after
 * controller-runtime.
 *
 * <p>The contract a user writes against is tiny: a {@link dev.nexus.client.controller.Reconciler}
 * takes a {@link dev.nexus.client.controller.Request} (only a key) and returns a {@link
 * dev.nexus.client.controller.Result} (done, or requeue after a delay); an exception retries with
 * rate-limited backoff, a {@link dev.nexus.client.controller.TerminalException} does not.
 *
 * <p>The pipeline is source → predicate → handler → queue → reconciler: a {@link
 * dev.nexus.client.controller.Manager} owns shared informers (one per kind, shared by all its
 * controllers); a {@link dev.nexus.client.controller.ControllerBuilder} adds handlers that turn
 * events on the primary kind, on owned objects (through their controller owner reference) and on
 * any watched kind (through a mapper) into keys on the controller's {@link
 * dev.nexus.client.controller.WorkQueue}; {@link dev.nexus.client.controller.Predicates} skip no-op
 * events of the primary kind. Workers are virtual threads; the queue guarantees one key is never
 * reconciled by two of them at once.
 *
 * <p>Guarantees: a panic (any {@link java.lang.Throwable}) in a reconciler is contained, logged
 * with MDC keys {@code controller}, {@code request} and {@code reconcileID}, and retried; with
 * leader election ({@link dev.nexus.client.controller.LeaderElector}, over a Lease) at most one
 * manager sharing a Lease runs its controllers at a time; every controller records {@link
 * dev.nexus.client.controller.ControllerMetrics} on the manager's registry.
 *
 * <p>Helpers for reconcilers: {@link dev.nexus.client.controller.Finalizers}, {@link
 * dev.nexus.client.controller.OwnerReferences}, {@link dev.nexus.client.controller.Conditions} and
 * {@link dev.nexus.client.controller.EventRecorder} (Events shown by {@code nexusctl describe}).
 * Objects handed out by informer caches are shared: {@code copy()} before changing them.
 */
package dev.nexus.client.controller;
