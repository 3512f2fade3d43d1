/**
 * The garbage collector, a set of reconcilers on the controller SDK with Kubernetes semantics.
 *
 * <p>An object names its owners in {@code metadata.ownerReferences} (kind, name, uid). The
 * collector keeps an informer for every kind the server serves — rediscovered when a
 * CustomResourceDefinition changes and every {@link
 * dev.nexus.controllers.gc.GarbageCollector#REDISCOVERY_PERIOD} — and finds an object's dependents
 * through the informers' owner index (by uid).
 *
 * <ul>
 *   <li><b>Background</b> (the default delete): the owner goes at once; a dependent none of whose
 *       owners exists any more (matched by uid, so an owner re-created under the same name does not
 *       count, and neither does one that never existed) is deleted. A dependent that still has a
 *       live owner only loses the references to the owners that are gone.
 *   <li><b>Foreground</b>: the API server marks the owner with finalizer {@code
 *       foregroundDeletion}; the collector has each dependent deleted (in the foreground itself
 *       when it has dependents of its own) unless another owner lives, and removes the finalizer —
 *       letting the owner go — once no dependent whose reference has {@code blockOwnerDeletion}
 *       remains.
 *   <li><b>Orphan</b>: the API server marks the owner with finalizer {@code orphan}; the collector
 *       removes the owner's reference from every dependent, then the finalizer.
 * </ul>
 *
 * <p>Decisions are pure ({@code DependentPlan}, {@code OwnerPlan}) and start from the caches; an
 * owner the cache does not show is looked up on the server before anything is deleted, and every
 * write names the exact object incarnation (uid) and resourceVersion it decided about. An owner
 * whose kind the server no longer serves (its CRD was deleted) cannot exist and counts as gone. A
 * cluster-scoped object naming a namespaced owner is never collected, as in Kubernetes.
 */
package dev.nexus.controllers.gc;
