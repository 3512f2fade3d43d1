/**
 * The Nexus API: built-in kinds, the object envelope, its JSON/YAML codec, validation against the
 * JSON Schemas under {@code /schemas}, label and field selectors, and JSON merge patch.
 *
 * <p>Everything here is shared by the server, the client SDK and {@code nexusctl}, so it depends on
 * nothing but Jackson and the schema validator.
 */
package dev.nexus.api;
