package dev.nexus.apiserver.registry;

import dev.nexus.apiserver.storage.Consistency;

/**
 * How to list: selectors (null for none), page size (0 for all), the {@code continue} token of the
 * previous page (null for the first), and how fresh the read must be.
 *
 * @param labelSelector a label selector ({@code app=web,tier in (fe,be)}), or null
 * @param fieldSelector a field selector ({@code metadata.name=web,spec.nodeName!=n1}), or null
 * @param limit at most this many items per page, 0 for no limit
 * @param continueToken the previous page's {@code metadata.continue}, or null
 * @param consistency linearizable unless the client asked for {@code resourceVersion=0}
 */
public record ListOptions(
    String labelSelector,
    String fieldSelector,
    int limit,
    String continueToken,
    Consistency consistency) {

  public static final ListOptions ALL =
      new ListOptions(null, null, 0, null, Consistency.LINEARIZABLE);
}
