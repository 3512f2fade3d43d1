package dev.nexus.apiserver.storage;

import java.util.List;

/**
 * One page of a prefix scan, read from a single consistent snapshot.
 *
 * @param items objects in key order
 * @param revision the store revision the snapshot reflects (a watch from here misses nothing)
 * @param more whether keys remain after the last item
 */
public record ListPage(List<StoredObject> items, long revision, boolean more) {}
