/**
 * Resource semantics independent of HTTP: how API objects map to storage keys, and what create,
 * get, list, replace, patch, delete, the status and scale subresources and watch mean for them.
 *
 * <p>Contract: every write is one {@link dev.nexus.apiserver.storage.Txn} whose preconditions make
 * it atomic against concurrent writers (create: the key is absent; update and delete: the key still
 * has the revision that was read). Requests that carry a {@code resourceVersion} fail with 409 when
 * it is stale; requests that do not are retried a few times on a lost race. Storage holds the
 * object JSON without {@code metadata.resourceVersion}; a read fills it in from the key's
 * modification revision. Every refusal is an {@link dev.nexus.api.error.ApiException} whose {@link
 * dev.nexus.api.error.Status} names the object, the field and the rule.
 */
package dev.nexus.apiserver.registry;
