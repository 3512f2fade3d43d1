package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.apiserver.storage.Consistency;
import java.util.function.Predicate;

/**
 * Opens watches: one object, one namespace, or all namespaces of a kind, filtered by selectors.
 * Without a starting revision the current state comes first as synthetic ADDED events (read from
 * one snapshot) and changes follow from that snapshot's revision, so nothing is missed or repeated.
 */
final class Watches {
  private final StoreAccess store;
  private final Reader reader;
  private final SharedEvents shared;

  Watches(StoreAccess store, Reader reader, SharedEvents shared) {
    this.store = store;
    this.reader = reader;
    this.shared = shared;
  }

  /** Throws 410 (before anything is streamed) when the revision is older than the history. */
  WatchSession open(KindInfo kind, String namespace, String name, WatchOptions options) {
    Predicate<ObjectNode> filter =
        ObjectFilter.compile(options.labelSelector(), options.fieldSelector());
    String prefix =
        name != null ? Keys.object(kind, namespace, name) : Keys.prefix(kind, namespace);
    String exactKey = name != null ? prefix : null;
    long from;
    WatchSession session;
    if (options.startsWithState()) {
      Consistency consistency =
          Long.valueOf(0).equals(options.resourceVersion())
              ? Consistency.LOCAL
              : Consistency.LINEARIZABLE;
      ListResult state =
          reader.list(kind, namespace, new ListOptions(null, null, 0, null, consistency));
      from = state.revision();
      session =
          new WatchSession(
              options.queueCapacity(), exactKey, filter, shared, from, options.sendInitialEvents());
      for (ObjectNode item : state.items()) {
        String key =
            Keys.object(
                kind,
                item.path("metadata").path("namespace").asText(null),
                item.path("metadata").path("name").asText());
        if (exactKey == null || exactKey.equals(key)) {
          session.addInitial(item, key);
        }
      }
    } else {
      from = options.resourceVersion();
      session = new WatchSession(options.queueCapacity(), exactKey, filter, shared, from, false);
    }
    // Registered for the whole kind: see WatchSession.admit for why.
    session.registered(store.watch(Keys.prefix(kind, null), from, session.admit(prefix), session));
    return session;
  }
}
