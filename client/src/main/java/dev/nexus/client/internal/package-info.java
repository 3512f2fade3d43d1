/**
 * Engine of the client: URL building, decoding of Status bodies, discovery documents and watch
 * streams. Not part of the public API; may change without notice.
 */
package dev.nexus.client.internal;
