/**
 * How {@code nexusctl} shows objects: kubectl-aligned tables with per-kind columns, ages, YAML and
 * JSON documents, qualified names, describe pages and unified diffs. Pure functions of their input
 * (the clock is passed in), so each is unit-tested without a server.
 */
package dev.nexus.ctl.output;
