package dev.nexus.client.informer;

import dev.nexus.api.model.ApiObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Cache} of one informer: objects by key plus one inverted index per index function
 * (index name → value → keys). One writer (the informer) and many readers; a read-write lock keeps
 * every answer consistent with one moment. Label indexes are built the first time they are asked
 * for (see {@link Indexes}).
 */
final class IndexedCache implements Cache {
  private static final Logger LOG = LoggerFactory.getLogger(IndexedCache.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final NavigableMap<ObjectKey, ApiObject> objects = new TreeMap<>();
  private final Map<String, Function<ApiObject, Collection<String>>> functions =
      new LinkedHashMap<>();
  private final Map<String, Map<String, TreeSet<ObjectKey>>> indexes = new HashMap<>();

  IndexedCache() {
    addIndex(Indexes.NAMESPACE, Indexes::namespaceOf);
    addIndex(Indexes.OWNER, Indexes::ownerUidsOf);
  }

  /** Adds an index and indexes what is already cached. */
  void addIndex(String name, Function<ApiObject, Collection<String>> function) {
    lock.writeLock().lock();
    try {
      if (functions.containsKey(name)) {
        throw new IllegalStateException("an index named \"" + name + "\" already exists");
      }
      functions.put(name, function);
      Map<String, TreeSet<ObjectKey>> index = new HashMap<>();
      indexes.put(name, index);
      objects.forEach((k, o) -> addTo(index, function, k, o));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Stores {@code obj}, returning the object it replaced, if any. */
  ApiObject put(ApiObject obj) {
    ObjectKey key = ObjectKey.of(obj);
    lock.writeLock().lock();
    try {
      ApiObject old = objects.put(key, obj);
      functions.forEach(
          (name, f) -> {
            Map<String, TreeSet<ObjectKey>> index = indexes.get(name);
            if (old != null) {
              removeFrom(index, f, key, old);
            }
            addTo(index, f, key, obj);
          });
      return old;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the object at {@code key}, returning it, or null when it was not cached. */
  ApiObject remove(ObjectKey key) {
    lock.writeLock().lock();
    try {
      ApiObject old = objects.remove(key);
      if (old != null) {
        functions.forEach((name, f) -> removeFrom(indexes.get(name), f, key, old));
      }
      return old;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A snapshot of every cached object by key. */
  Map<ObjectKey, ApiObject> snapshot() {
    lock.readLock().lock();
    try {
      return new TreeMap<>(objects);
    } finally {
      lock.readLock().unlock();
    }
  }

  int size() {
    lock.readLock().lock();
    try {
      return objects.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<ApiObject> get(String namespace, String name) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(objects.get(new ObjectKey(namespace, name)));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ApiObject> list() {
    lock.readLock().lock();
    try {
      return List.copyOf(objects.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ApiObject> list(String namespace) {
    if (namespace == null || namespace.isEmpty()) {
      return list();
    }
    return byIndex(Indexes.NAMESPACE, namespace);
  }

  @Override
  public List<ApiObject> byIndex(String indexName, String indexValue) {
    if (!hasIndex(indexName)) {
      if (!indexName.startsWith(Indexes.LABEL_PREFIX)) {
        throw new IllegalArgumentException(
            "no index named \"" + indexName + "\"; indexes are " + indexNames());
      }
      addLabelIndex(indexName);
    }
    lock.readLock().lock();
    try {
      TreeSet<ObjectKey> keys = indexes.get(indexName).get(indexValue);
      if (keys == null) {
        return List.of();
      }
      List<ApiObject> out = new ArrayList<>(keys.size());
      keys.forEach(k -> out.add(objects.get(k)));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Set<String> indexNames() {
    lock.readLock().lock();
    try {
      return Set.copyOf(functions.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  private boolean hasIndex(String name) {
    lock.readLock().lock();
    try {
      return functions.containsKey(name);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void addLabelIndex(String indexName) {
    lock.writeLock().lock();
    try {
      // Two readers may race to build the same label index; the second finds it built.
      if (!functions.containsKey(indexName)) {
        addIndex(
            indexName, Indexes.labelFunction(indexName.substring(Indexes.LABEL_PREFIX.length())));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void addTo(
      Map<String, TreeSet<ObjectKey>> index,
      Function<ApiObject, Collection<String>> f,
      ObjectKey key,
      ApiObject o) {
    for (String v : values(f, o)) {
      index.computeIfAbsent(v, x -> new TreeSet<>()).add(key);
    }
  }

  private static void removeFrom(
      Map<String, TreeSet<ObjectKey>> index,
      Function<ApiObject, Collection<String>> f,
      ObjectKey key,
      ApiObject o) {
    for (String v : values(f, o)) {
      TreeSet<ObjectKey> keys = index.get(v);
      if (keys != null && keys.remove(key) && keys.isEmpty()) {
        index.remove(v);
      }
    }
  }

  /**
   * What {@code f} says for {@code o}. A user function that throws leaves the object out of that
   * index (logged) rather than leaving the cache half-updated.
   */
  private static Collection<String> values(Function<ApiObject, Collection<String>> f, ApiObject o) {
    try {
      Collection<String> v = f.apply(o);
      return v == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(v));
    } catch (RuntimeException e) {
      LOG.warn(
          "index function failed on {}/{}; object left out of that index",
          o.namespace(),
          o.name(),
          e);
      return List.of();
    }
  }
}
