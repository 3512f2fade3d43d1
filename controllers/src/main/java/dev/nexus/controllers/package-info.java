/**
 * Nexus's built-in controllers, each a small reconciler on the client SDK ({@code
 * dev.nexus.client.controller}), and {@link dev.nexus.controllers.Controllers}, which runs them all
 * in one leader-elected manager ({@code nexus controllers}, and inside {@code nexus up}).
 *
 * <p>{@link dev.nexus.controllers.MetricsServer} serves the managers' metrics (queue depth,
 * reconcile count, latency and errors per controller) for a standalone controllers process.
 */
package dev.nexus.controllers;
