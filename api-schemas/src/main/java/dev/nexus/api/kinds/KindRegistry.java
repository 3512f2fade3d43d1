package dev.nexus.api.kinds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds a server serves, looked up by {@code apiVersion + kind} (for bodies) or by plural (for
 * URLs). Thread-safe: custom resource definitions register kinds at run time.
 */
public final class KindRegistry {
  private final Map<String, KindInfo> byApiVersionKind = new ConcurrentHashMap<>();
  private final Map<String, KindInfo> byGroupVersionPlural = new ConcurrentHashMap<>();

  /** A registry holding every built-in kind. */
  public static KindRegistry builtin() {
    KindRegistry r = new KindRegistry();
    BuiltinKinds.ALL.forEach(r::register);
    return r;
  }

  public void register(KindInfo info) {
    byApiVersionKind.put(info.apiVersion() + "/" + info.kind(), info);
    byGroupVersionPlural.put(info.apiVersion() + "/" + info.plural(), info);
  }

  public void unregister(KindInfo info) {
    byApiVersionKind.remove(info.apiVersion() + "/" + info.kind());
    byGroupVersionPlural.remove(info.apiVersion() + "/" + info.plural());
  }

  public Optional<KindInfo> byKind(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionKind.get(apiVersion + "/" + kind));
  }

  public Optional<KindInfo> byPlural(String group, String version, String plural) {
    return Optional.ofNullable(byGroupVersionPlural.get(group + "/" + version + "/" + plural));
  }

  /** Resolves a user-typed name (kind, plural, singular or short name), case-insensitively. */
  public Optional<KindInfo> resolve(String name) {
    return byApiVersionKind.values().stream().filter(k -> k.answersTo(name)).findFirst();
  }

  public Collection<KindInfo> all() {
    return List.copyOf(byApiVersionKind.values());
  }
}
