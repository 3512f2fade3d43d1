/**
 * The object envelope: {@link dev.nexus.api.model.ApiObject} reads and writes the well-known fields
 * of {@code apiVersion, kind, metadata, spec, status} over a JSON tree, which stays the source of
 * truth and keeps fields it does not know.
 */
package dev.nexus.api.model;
