/**
 * Label and field selectors, as in Kubernetes list and watch requests.
 *
 * <p>Contract: parsing is strict (an {@link java.lang.IllegalArgumentException} names the selector,
 * the bad part and its position); parsed selectors are immutable, thread-safe values whose {@code
 * toString()} parses back to an equal selector.
 */
package dev.nexus.api.selector;
