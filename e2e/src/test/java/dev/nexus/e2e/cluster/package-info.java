/**
 * The cluster under test for the fault scenarios: real {@code nexus server} processes, each with an
 * address of its own, that a test can kill, restart, wipe, cut off from the others and slow down.
 *
 * <p>{@link dev.nexus.e2e.cluster.Backends#open} picks the backend ({@code -Dnexus.e2e.backend}):
 * each member in its own network namespace, a JVM started from the launcher's build output with a
 * veth to a bridge on the host ({@code netns}). Both ways, a partition is a pair of blackhole
 * routes per peer inside the members' namespaces (the host, where the test's clients run, still
 * reaches every member) and a delay is a netem-style egress delay on the member's interface ({@link
 * dev.nexus.e2e.cluster.EgressDelay}: this machine's kernel has no netem qdisc, so a tap device and
 * a small relay stand in for it). Everything needs root.
 */
package dev.nexus.e2e.cluster;
