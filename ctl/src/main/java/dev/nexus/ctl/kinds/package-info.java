/**
 * Resolves what a user types ({@code wl}, {@code workloads}, {@code Workload}, {@code
 * workloads.nexus.dev}) or what a manifest says ({@code apiVersion} + {@code kind}) to a kind the
 * server serves, as discovered from it; names the server does not serve are errors.
 */
package dev.nexus.ctl.kinds;
