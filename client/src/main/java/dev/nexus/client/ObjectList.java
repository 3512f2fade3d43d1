package dev.nexus.client;

import dev.nexus.api.model.ApiObject;
import java.util.List;

/**
 * One page of a list call.
 *
 * @param items the objects, in the server's order (by namespace and name)
 * @param resourceVersion the revision the list was read at: watch from here to miss nothing
 * @param continueToken the token for the next page, or null when this was the last page
 */
public record ObjectList(List<ApiObject> items, String resourceVersion, String continueToken) {
  public ObjectList {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return continueToken != null && !continueToken.isEmpty();
  }
}
