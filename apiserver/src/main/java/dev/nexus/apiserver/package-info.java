/**
 * The Nexus API server: {@link dev.nexus.apiserver.ApiServer} starts storage and the HTTP API
 * described by {@link dev.nexus.apiserver.ApiServerConfig}. Resource semantics live in {@code
 * registry}, HTTP in {@code http}, metrics in {@code metrics}, storage in {@code storage}.
 */
package dev.nexus.apiserver;
