/**
 * The Java client of the Nexus API (DESIGN §4): typed calls for create, get, list, replace, merge
 * patch, status writes, delete, watch and discovery over plain HTTP/1.1, plus the client config
 * file ({@code ~/.nexus/config}) that names the server.
 *
 * <p>Contract: every refusal by the server surfaces as a {@link dev.nexus.api.error.ApiException}
 * carrying the server's own {@link dev.nexus.api.error.Status}; a server that cannot be reached is
 * a {@link dev.nexus.client.ConnectionException} (also an {@code ApiException}, code 503) whose
 * message names the URL. Nothing here caches or retries: informers and work queues are built on top
 * of this.
 */
package dev.nexus.client;
