package dev.nexus.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.crd.CustomResource;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.api.validation.Reasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom kinds served now, one entry per CRD with the revision it was read at. Applying a CRD
 * registers its served versions in the {@link KindRegistry} and unregisters what an older revision
 * of it served; a deleted or terminating CRD leaves a tombstone (its revision, and what it served,
 * so a request for the kind can say why it is gone). Thread-safe: lookups are lock-free, changes
 * are serialized.
 */
public final class CustomKinds {
  private record Entry(long revision, List<CustomResource> served, List<CustomResource> former) {}

  private final KindRegistry kinds;
  private final Map<String, Entry> byCrd = new HashMap<>(); // guarded by this
  private final Map<String, CustomResource> byApiVersionKind = new ConcurrentHashMap<>();

  public CustomKinds(KindRegistry kinds) {
    this.kinds = kinds;
  }

  /**
   * Applies the CRD {@code name} as of {@code revision}: {@code crd} is its content, or null when
   * it no longer exists. Does nothing when an equal or newer revision was applied already.
   *
   * @return whether anything changed
   */
  public synchronized boolean apply(String name, long revision, JsonNode crd) {
    Entry old = byCrd.get(name);
    if (old != null && old.revision() >= revision) {
      return false;
    }
    List<CustomResource> next = crd == null ? List.of() : CustomResourceDefinitions.served(crd);
    if (old != null) {
      for (CustomResource r : old.served()) {
        kinds.unregister(r.kind());
        byApiVersionKind.remove(key(r.kind()));
      }
    }
    for (CustomResource r : next) {
      kinds.register(r.kind());
      byApiVersionKind.put(key(r.kind()), r);
    }
    List<CustomResource> former =
        next.isEmpty() && old != null && !old.served().isEmpty() ? old.served() : List.of();
    byCrd.put(
        name, new Entry(revision, next, old != null && former.isEmpty() ? old.former() : former));
    return true;
  }

  /** The custom resource behind {@code kind}, empty for built-in or no longer served kinds. */
  public Optional<CustomResource> lookup(KindInfo kind) {
    return Optional.ofNullable(byApiVersionKind.get(key(kind)));
  }

  /** The names of the CRDs applied so far (including tombstones). */
  synchronized List<String> crdNames() {
    return List.copyOf(byCrd.keySet());
  }

  /** The kind a deleted CRD served under {@code group/plural}, for a helpful 404. */
  public synchronized Optional<String> formerKind(String group, String plural) {
    return Optional.ofNullable(byCrd.get(plural + "." + group))
        .filter(e -> e.served().isEmpty())
        .flatMap(e -> e.former().stream().findFirst())
        .map(r -> r.kind().kind());
  }

  /**
   * Another served CRD that already has {@code crd}'s group and kind: two plurals for one kind
   * would make {@code apiVersion + kind} in a manifest ambiguous.
   */
  public List<Status.Cause> clashes(JsonNode crd) {
    String name = crd.path("metadata").path("name").asText();
    String group = crd.path("spec").path("group").asText();
    String kind = crd.path("spec").path("names").path("kind").asText();
    List<Status.Cause> out = new ArrayList<>();
    for (CustomResource r : byApiVersionKind.values()) {
      if (!r.crdName().equals(name)
          && r.kind().group().equals(group)
          && r.kind().kind().equals(kind)) {
        out.add(
            new Status.Cause(
                "spec.names.kind",
                "kind "
                    + kind
                    + " of group "
                    + group
                    + " is already served by CustomResourceDefinition "
                    + r.crdName(),
                Reasons.DUPLICATE));
        break;
      }
    }
    return out;
  }

  private static String key(KindInfo kind) {
    return kind.apiVersion() + "/" + kind.kind();
  }
}
