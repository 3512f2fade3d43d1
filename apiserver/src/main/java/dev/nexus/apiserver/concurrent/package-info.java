/**
 * Concurrency helpers the request path needs at thousands of requests per second on a small
 * machine, where the JDK's general-purpose mechanisms cost too much: {@link
 * dev.nexus.apiserver.concurrent.CoarseTimeouts} bounds many waits without a timer each.
 */
package dev.nexus.apiserver.concurrent;
