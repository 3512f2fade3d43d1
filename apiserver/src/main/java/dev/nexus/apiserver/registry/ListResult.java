package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items the matching objects, in key order (namespace, then name)
 * @param revision the list's revision: a watch from here misses nothing
 * @param continueToken the token for the next page, or null when this is the last one
 */
public record ListResult(List<ObjectNode> items, long revision, String continueToken) {}
