/**
 * Benchmark harnesses run by {@code bin/bench} and {@code bin/bench-controllers}, never by the test
 * suite. Each prints its figures on one line so the script can put them in its table.
 */
package dev.nexus.e2e.bench;
