/**
 * The one error shape of the API: {@link dev.nexus.api.error.Status} (a Kubernetes-style Status
 * body with per-field causes) carried by {@link dev.nexus.api.error.ApiException} on both sides of
 * the wire.
 */
package dev.nexus.api.error;
