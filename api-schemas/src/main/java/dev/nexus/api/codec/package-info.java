/**
 * The JSON and YAML codec: shared Jackson mappers ({@link dev.nexus.api.codec.Json}) and manifest
 * parsing ({@link dev.nexus.api.codec.Manifests}).
 *
 * <p>Contract: a manifest that cannot be parsed fails with a {@link
 * dev.nexus.api.codec.ManifestException} whose message names the source, the document and the line,
 * never with a Jackson exception.
 */
package dev.nexus.api.codec;
