/**
 * Validation of API objects: {@link dev.nexus.api.validation.ObjectValidator} checks an object
 * against its kind's JSON Schema (classpath {@code /schemas/<Kind>.json}, draft 2020-12), the name
 * and label rules of {@link dev.nexus.api.validation.Names}, and a few cross-field rules.
 *
 * <p>Contract: every problem is reported as a {@link dev.nexus.api.error.Status.Cause} whose field
 * is a dotted path from the object root ({@code spec.template.spec.ports[0].containerPort}; map
 * keys that are not identifiers in brackets, {@code metadata.labels[app.kubernetes.io/name]}) and
 * whose message states the rule ({@code must be an integer, got string}); validation never throws
 * on bad input. Schemas are compiled once; the validator is thread-safe and meant to be shared.
 */
package dev.nexus.api.validation;
