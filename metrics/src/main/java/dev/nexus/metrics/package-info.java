/**
 * A small, dependency-free metrics registry that writes the Prometheus text exposition format
 * (version 0.0.4): counters, gauges and histograms, each optionally split by labels.
 *
 * <p>Recording is lock-free ({@link java.util.concurrent.atomic.LongAdder} per series) so that hot
 * request paths pay a map lookup and an add; a scrape walks every series and formats it. A label
 * set is fixed when its metric is created; values are given per observation in the same order.
 */
package dev.nexus.metrics;
