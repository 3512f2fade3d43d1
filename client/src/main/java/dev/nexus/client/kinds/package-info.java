/**
 * Typed views of the built-in kinds (DESIGN §3): {@link dev.nexus.client.kinds.Workload}, {@link
 * dev.nexus.client.kinds.Instance}, {@link dev.nexus.client.kinds.Service}, {@link
 * dev.nexus.client.kinds.Lease}, {@link dev.nexus.client.kinds.Event} and the rest, one class per
 * kind, each with {@code KIND} (its {@link dev.nexus.api.kinds.KindInfo}) and {@code TYPE} (for
 * {@link dev.nexus.client.NexusClient#typed}).
 *
 * <p>Contract: a view <em>wraps</em> an {@link dev.nexus.api.model.ApiObject}'s JSON and never maps
 * it to records and back, so a round trip through a view keeps every field, including fields this
 * client version does not know (a newer server's, a probe no getter covers). {@code of(object)}
 * wraps without copying; {@code apiObject()} is that same object; {@code copy()} deep-copies.
 * Getters read the schema's fields and return the server's default when a field is absent ({@code
 * replicas()} is 1); reading never adds a field. Setters change the wrapped object in place and
 * chain; nested parts ({@code workload.template().spec()}, {@code workload.status()}) are live
 * views of the same tree. Lists ({@code conditions()}, {@code ports()}) are read-only snapshots as
 * records. Objects from caches and watches are shared: {@code copy()} before setting anything.
 */
package dev.nexus.client.kinds;
