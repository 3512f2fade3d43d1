/**
 * CustomResourceDefinitions as data: what a CRD object says about the kinds it defines ({@link
 * dev.nexus.api.crd.CustomResource}: names, scope, schema, subresources, printer columns), read by
 * {@link dev.nexus.api.crd.CustomResourceDefinitions}, and the small JSONPath subset ({@link
 * dev.nexus.api.crd.JsonPaths}) that printer columns and scale paths use. Shared by the API server
 * (which serves the kinds) and {@code nexusctl} (which prints their columns).
 */
package dev.nexus.api.crd;
