/**
 * The API server's own metrics (requests, watches) over the shared {@code dev.nexus.metrics}
 * registry.
 */
package dev.nexus.apiserver.metrics;
