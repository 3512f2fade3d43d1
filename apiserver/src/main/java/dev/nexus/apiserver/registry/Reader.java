package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.ListPage;
import dev.nexus.apiserver.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Get and list (with selectors and pages). */
final class Reader {
  /** Keys read per storage call while filtering a selective list. */
  private static final int SCAN_BATCH = 500;

  private final StoreAccess store;

  Reader(StoreAccess store) {
    this.store = store;
  }

  ObjectNode get(ObjectRef ref, Consistency consistency) {
    return store
        .get(ref.key(), consistency)
        .map(StoredObjects::decode)
        .orElseThrow(() -> ApiException.notFound(ref.kind().kind(), ref.name()));
  }

  /**
   * Lists {@code kind} in {@code namespace} (null: all namespaces). With a limit, reads in batches
   * until the page is full, so a selective filter over many keys still returns full pages.
   */
  ListResult list(KindInfo kind, String namespace, ListOptions options) {
    String prefix = Keys.prefix(kind, namespace);
    Predicate<ObjectNode> filter =
        ObjectFilter.compile(options.labelSelector(), options.fieldSelector());
    String after = null;
    long revision = -1;
    if (options.continueToken() != null && !options.continueToken().isEmpty()) {
      ContinueToken token = ContinueToken.decode(options.continueToken(), prefix);
      after = token.lastKey();
      revision = token.revision();
      if (revision < store.store().oldestWatchableRevision() - 1) {
        throw ApiException.gone(
            "continue: the list this token continues was at resourceVersion "
                + revision
                + ", which is older than the retained history; start the list again");
      }
    }
    int limit = options.limit();
    List<ObjectNode> items = new ArrayList<>();
    while (true) {
      int batch = limit == 0 ? 0 : Math.max(SCAN_BATCH, limit - items.size());
      ListPage page = store.list(prefix, after, batch, options.consistency());
      if (revision < 0) {
        revision = page.revision();
      }
      List<StoredObject> stored = page.items();
      for (int i = 0; i < stored.size(); i++) {
        StoredObject s = stored.get(i);
        after = s.key();
        ObjectNode obj = StoredObjects.decode(s);
        if (!filter.test(obj)) {
          continue;
        }
        items.add(obj);
        if (limit > 0 && items.size() == limit) {
          boolean more = i < stored.size() - 1 || page.more();
          return new ListResult(
              items, revision, more ? new ContinueToken(after, revision).encode() : null);
        }
      }
      if (!page.more() || stored.isEmpty()) {
        return new ListResult(items, revision, null);
      }
    }
  }
}
