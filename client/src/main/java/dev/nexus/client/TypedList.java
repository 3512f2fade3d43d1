package dev.nexus.client;

import java.util.List;

/**
 * One page of a typed list call; see {@link ObjectList}.
 *
 * @param items the objects, in the server's order
 * @param resourceVersion the revision the list was read at: watch from here to miss nothing
 * @param continueToken the token for the next page, or null when this was the last page
 */
public record TypedList<T>(List<T> items, String resourceVersion, String continueToken) {
  public TypedList {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return continueToken != null && !continueToken.isEmpty();
  }
}
