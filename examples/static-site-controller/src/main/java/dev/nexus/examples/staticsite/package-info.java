/**
 * An example custom controller, small enough to copy: the {@code StaticSite} kind (defined by the
 * CustomResourceDefinition in {@code examples/static-site-controller/manifests/}) reconciled into a
 * Workload and a Service it owns, with status, conditions and Events. {@link
 * dev.nexus.examples.staticsite.StaticSiteController} runs it against a server; the tutorial {@code
 * docs/tutorial-custom-controller.md} builds it step by step.
 */
package dev.nexus.examples.staticsite;
