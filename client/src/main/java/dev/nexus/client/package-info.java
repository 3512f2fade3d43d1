/**
 * The Java client of the Nexus API (DESIGN §4): typed calls for create, get/find, list, replace,
 * merge patch, status writes, scale, delete, watch and discovery over plain HTTP/1.1 (one shared
 * connection pool per {@link dev.nexus.client.NexusClient}, connect and request timeouts), a
 * kind-bound view ({@link dev.nexus.client.ResourceClient}) and its typed form ({@link
 * dev.nexus.client.TypedClient}, from {@code client.typed(Workload.TYPE)}, handing out the views of
 * {@code dev.nexus.client.kinds}), and the client config file ({@code ~/.nexus/config}) that names
 * the server.
 *
 * <p>Contract: every refusal by the server surfaces as a {@link dev.nexus.api.error.ApiException}
 * carrying the server's own {@link dev.nexus.api.error.Status}, typed by code: {@link
 * dev.nexus.client.NotFoundException} (404), {@link dev.nexus.client.ConflictException} (409),
 * {@link dev.nexus.client.InvalidException} (400/422, with field causes), {@link
 * dev.nexus.client.GoneException} (410). A server that cannot be reached is a {@link
 * dev.nexus.client.ConnectionException} (also an {@code ApiException}, code 503) whose message
 * names the URL. Single calls never retry; {@link dev.nexus.client.NexusClient#watchForever} is the
 * one call that reconnects (with backoff) on its own. Caches and event handlers are in {@code
 * dev.nexus.client.informer}.
 */
package dev.nexus.client;
