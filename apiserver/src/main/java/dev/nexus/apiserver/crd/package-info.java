/**
 * CustomResourceDefinitions served like built-in kinds.
 *
 * <p>Contract: the kinds served are derived from the CRDs in the store, never from the request that
 * wrote them, so every replica and every restart serves the same kinds. {@link
 * dev.nexus.apiserver.crd.CrdSync} lists the stored CRDs at start-up, then follows a watch on them,
 * and is also told of the CRD writes this replica made (so the writer's next request sees its kind
 * at once) and asked to re-read the store when a request names a kind it does not know (so a CRD
 * written through another replica is served as soon as that write is readable). Each application
 * carries the CRD's revision and an older one never replaces a newer one. {@link
 * dev.nexus.apiserver.crd.CustomKinds} holds the result (schema, printer columns, scale paths per
 * served version) and keeps the {@link dev.nexus.api.kinds.KindRegistry} in step. A CRD being
 * deleted stops being served at once; {@link dev.nexus.apiserver.crd.CrdCleanup} then deletes its
 * objects and finally the CRD (held until then by a finalizer, so a crash mid-way resumes).
 */
package dev.nexus.apiserver.crd;
