package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.ScalePaths;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.kinds.KindRegistry;
import dev.nexus.api.patch.MergePatch;
import dev.nexus.apiserver.crd.CrdRules;
import dev.nexus.apiserver.crd.CrdSync;
import dev.nexus.apiserver.crd.CustomKinds;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resource semantics of the API, independent of HTTP: every verb on every kind. Thread-safe;
 * every method blocks until storage answers (call it from a virtual thread).
 */
public final class ResourceRegistry {
  private final KindRegistry kinds;
  private final StoreAccess store;
  private final Namespaces namespaces;
  private final Creator creator;
  private final Reader reader;
  private final Updater updater;
  private final Deleter deleter;
  private final Watches watches;
  private final CustomKinds customKinds;
  private final CrdSync crds;

  /**
   * @param store the storage
   * @param kinds the kinds served
   * @param clock for creation and deletion timestamps
   * @param maxObjectBytes the largest encoded object accepted
   * @param commitTimeout how long a write may wait for storage before answering 504
   */
  public ResourceRegistry(
      Store store, KindRegistry kinds, Clock clock, int maxObjectBytes, Duration commitTimeout) {
    this.kinds = kinds;
    this.store = new StoreAccess(store, commitTimeout);
    this.customKinds = new CustomKinds(kinds);
    this.crds = new CrdSync(store, customKinds);
    this.namespaces = new Namespaces(this.store, kinds, clock);
    Admission admission = new Admission(kinds, customKinds, maxObjectBytes);
    this.creator = new Creator(this.store, admission, namespaces, clock);
    this.reader = new Reader(this.store);
    this.updater = new Updater(this.store, admission, namespaces);
    this.deleter = new Deleter(this.store, namespaces, clock);
    this.watches = new Watches(this.store, reader, new SharedEvents(4096));
  }

  public KindRegistry kinds() {
    return kinds;
  }

  public Store store() {
    return store.store();
  }

  /** The custom kinds served now, from the stored CustomResourceDefinitions. */
  public CustomKinds customKinds() {
    return customKinds;
  }

  /**
   * Serves the kinds of the stored CustomResourceDefinitions (before returning) and follows changes
   * to them; the result ends that. Run once per server, after storage is ready.
   */
  public AutoCloseable startCustomResources() {
    crds.start();
    return crds;
  }

  /**
   * The kind a URL names; on a miss for a custom group, re-reads the stored CRDs once, so a CRD
   * created through another replica is served as soon as it is readable.
   */
  public Optional<KindInfo> kindFor(String group, String version, String plural) {
    Optional<KindInfo> kind = kinds.byPlural(group, version, plural);
    if (kind.isEmpty() && !BuiltinKinds.GROUP.equals(group)) {
      crds.refresh();
      kind = kinds.byPlural(group, version, plural);
    }
    return kind;
  }

  /** Re-reads the stored CRDs (discovery of a group this replica does not know yet). */
  public void refreshCustomKinds() {
    crds.refresh();
  }

  /** Creates each namespace that does not exist yet (idempotent; run at every start). */
  public void ensureNamespaces(String... names) {
    for (String name : names) {
      namespaces.ensure(name);
    }
  }

  public ObjectNode create(KindInfo kind, String namespace, ObjectNode body) {
    if (kind != BuiltinKinds.CUSTOM_RESOURCE_DEFINITION) {
      return creator.create(kind, namespace, body);
    }
    ObjectNode withFinalizer = body.deepCopy();
    CrdRules.addCleanupFinalizer(withFinalizer);
    return observed(kind, creator.create(kind, namespace, withFinalizer));
  }

  public ObjectNode get(ObjectRef ref, Subresource sub, Consistency consistency) {
    ObjectNode object = reader.get(ref, consistency);
    return sub == Subresource.SCALE ? ScaleView.of(object, scalePaths(ref.kind())) : object;
  }

  public ListResult list(KindInfo kind, String namespace, ListOptions options) {
    return reader.list(kind, namespace, options);
  }

  /** PUT: the body replaces the object (or its status, or its scale). */
  public ObjectNode replace(ObjectRef ref, Subresource sub, ObjectNode body) {
    return observed(ref.kind(), replaceObject(ref, sub, body));
  }

  private ObjectNode replaceObject(ObjectRef ref, Subresource sub, ObjectNode body) {
    String rv = requestedRv(body);
    ScalePaths scale = scalePaths(ref.kind());
    return switch (sub) {
      case MAIN ->
          updater.update(
              ref,
              rv,
              current -> {
                Admission.checkType(kinds, ref.kind(), body);
                return checkCrdUpdate(
                    ref, current, UpdateRules.main(ref.kind(), ref, current, body.deepCopy()));
              });
      case STATUS -> updater.update(ref, rv, current -> UpdateRules.status(ref, current, body));
      case SCALE -> {
        int replicas = ScaleView.replicas(ref.kind().kind(), ref.name(), body);
        yield ScaleView.of(
            updater.update(ref, rv, current -> UpdateRules.scale(ref, current, replicas, scale)),
            scale);
      }
    };
  }

  /** PATCH with a JSON merge patch (RFC 7386) of the object, its status, or its scale. */
  public ObjectNode patch(ObjectRef ref, Subresource sub, ObjectNode patch) {
    return observed(ref.kind(), patchObject(ref, sub, patch));
  }

  private ObjectNode patchObject(ObjectRef ref, Subresource sub, ObjectNode patch) {
    String rv = requestedRv(patch);
    ScalePaths scale = scalePaths(ref.kind());
    return switch (sub) {
      case MAIN ->
          updater.update(
              ref,
              rv,
              current -> {
                ObjectNode patched = merge(current, patch);
                Admission.checkType(kinds, ref.kind(), patched);
                return checkCrdUpdate(
                    ref, current, UpdateRules.main(ref.kind(), ref, current, patched));
              });
      case STATUS ->
          updater.update(
              ref, rv, current -> UpdateRules.status(ref, current, merge(current, patch)));
      case SCALE ->
          ScaleView.of(
              updater.update(
                  ref,
                  rv,
                  current ->
                      UpdateRules.scale(
                          ref,
                          current,
                          ScaleView.replicas(
                              ref.kind().kind(),
                              ref.name(),
                              merge(ScaleView.of(current, scale), patch)),
                          scale)),
              scale);
    };
  }

  public ObjectNode delete(ObjectRef ref, DeleteOptions options) {
    ObjectNode deleted = deleter.delete(ref, options);
    if (ref.kind() == BuiltinKinds.CUSTOM_RESOURCE_DEFINITION) {
      crds.observe(deleted, !deleted.path("metadata").hasNonNull("deletionTimestamp"));
    }
    return deleted;
  }

  /** Deletes every object a list with {@code options} returns; answers what it deleted. */
  public List<ObjectNode> deleteCollection(
      KindInfo kind, String namespace, ListOptions options, DeleteOptions deleteOptions) {
    List<ObjectNode> deleted = new ArrayList<>();
    for (ObjectNode item : reader.list(kind, namespace, options).items()) {
      String ns = kind.namespaced() ? item.path("metadata").path("namespace").asText() : null;
      ObjectRef ref = new ObjectRef(kind, ns, item.path("metadata").path("name").asText());
      try {
        deleted.add(delete(ref, deleteOptions));
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return deleted;
  }

  /** Opens a watch; throws 410 before anything streams when the revision is too old. */
  public WatchSession watch(KindInfo kind, String namespace, String name, WatchOptions options) {
    return watches.open(kind, namespace, name, options);
  }

  /** This replica's CRD writes are served at once; the store watch would follow shortly. */
  private ObjectNode observed(KindInfo kind, ObjectNode written) {
    if (kind == BuiltinKinds.CUSTOM_RESOURCE_DEFINITION) {
      crds.observe(written, false);
    }
    return written;
  }

  private static ObjectNode checkCrdUpdate(ObjectRef ref, ObjectNode current, ObjectNode next) {
    if (ref.kind() == BuiltinKinds.CUSTOM_RESOURCE_DEFINITION) {
      CrdRules.checkUpdate(current, next);
      CrdRules.recordStorageVersion(next);
    }
    return next;
  }

  private ScalePaths scalePaths(KindInfo kind) {
    return customKinds
        .lookup(kind)
        .map(r -> r.scale() == null ? ScalePaths.DEFAULT : r.scale())
        .orElse(ScalePaths.DEFAULT);
  }

  private static ObjectNode merge(ObjectNode current, ObjectNode patch) {
    return (ObjectNode) MergePatch.apply(current, patch);
  }

  private static String requestedRv(ObjectNode body) {
    String rv = body.path("metadata").path("resourceVersion").asText("");
    return rv.isEmpty() ? null : rv;
  }
}
