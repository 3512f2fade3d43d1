package dev.nexus.controllers.gc;

import static dev.nexus.api.kinds.BuiltinKinds.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.DeleteOptions;
import dev.nexus.client.NexusClient;
import dev.nexus.client.controller.Request;
import dev.nexus.client.controller.Result;
import dev.nexus.client.informer.Cache;
import dev.nexus.client.informer.Indexes;
import dev.nexus.testing.NexusTest;
import dev.nexus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One reconcile at a time against a real server, with a cache held still: the races between
 * informers that {@link GarbageCollectorIT} meets only sometimes, made certain.
 */
@NexusTest
class GcReconcilerIT {
  NexusClient client;
  TestServer server;

  @Test
  void aDependentWhoseOwnerItsCacheHasNotShownIsLookedAtAgainUntilTheOwnerGoes() {
    String ns = server.newNamespace();
    Family f = ownerWithDependent(ns);
    // The informer listed before the owner was created and has not seen its ADDED yet; it may as
    // well list only after the owner is deleted, and then no event for the owner ever comes.
    FixedCache leases = new FixedCache(List.of(f.dependent()));
    GcReconciler gc = reconcilerOver(leases);
    Request request = new Request(ns, "dep");

    assertThat(gc.reconcile(request)).isEqualTo(Result.requeueAfter(Duration.ofSeconds(1)));
    assertThat(gc.reconcile(request)).isEqualTo(Result.requeueAfter(Duration.ofSeconds(2)));
    assertThat(client.find(LEASE, ns, "dep")).isPresent();

    client.delete(LEASE, ns, "o", DeleteOptions.defaults());
    assertThat(gc.reconcile(request)).isEqualTo(Result.done());
    assertThat(client.find(LEASE, ns, "dep")).isEmpty();
  }

  @Test
  void anOwnerTheCacheShowsNeedsNoSecondLook() {
    String ns = server.newNamespace();
    Family f = ownerWithDependent(ns);
    FixedCache leases = new FixedCache(List.of(f.owner(), f.dependent()));
    GcReconciler gc = reconcilerOver(leases);

    assertThat(gc.reconcile(new Request(ns, "dep"))).isEqualTo(Result.done());
    assertThat(client.find(LEASE, ns, "dep")).isPresent();
  }

  /** The collector's reconciler for Leases, seeing {@code leases} as its only cache. */
  private GcReconciler reconcilerOver(FixedCache leases) {
    TrackedKinds kinds = new TrackedKinds();
    kinds.put(new TrackedKinds.Tracked(LEASE, leases, null));
    kinds.markServed(TrackedKinds.key(LEASE));
    return new GcReconciler(LEASE, leases, kinds, client, new Discovery(client, kinds, k -> {}));
  }

  /** A Lease {@code o} and a Lease {@code dep} it owns, both stored in {@code ns}. */
  private record Family(ApiObject owner, ApiObject dependent) {}

  private Family ownerWithDependent(String ns) {
    ApiObject owner =
        client.create(LEASE, ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, "o"));
    return new Family(owner, client.create(LEASE, ownedBy(owner, ns, "dep")));
  }

  private static ApiObject ownedBy(ApiObject owner, String ns, String name) {
    ApiObject o = ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, name);
    ObjectNode ref = o.metadata().putArray("ownerReferences").addObject();
    ref.put("apiVersion", owner.apiVersion());
    ref.put("kind", owner.kind());
    ref.put("name", owner.name());
    ref.put("uid", owner.uid());
    return o;
  }

  /** A cache that shows exactly the objects it was made with. */
  private record FixedCache(List<ApiObject> objects) implements Cache {
    @Override
    public Optional<ApiObject> get(String namespace, String name) {
      return objects.stream()
          .filter(o -> o.name().equals(name) && java.util.Objects.equals(o.namespace(), namespace))
          .findFirst();
    }

    @Override
    public List<ApiObject> list() {
      return objects;
    }

    @Override
    public List<ApiObject> list(String namespace) {
      return objects.stream().filter(o -> namespace.equals(o.namespace())).toList();
    }

    @Override
    public List<ApiObject> byIndex(String indexName, String indexValue) {
      if (!indexName.equals(Indexes.OWNER)) {
        throw new IllegalArgumentException("no index named " + indexName);
      }
      return objects.stream()
          .filter(
              o ->
                  dev.nexus.client.controller.OwnerReferences.of(o).stream()
                      .anyMatch(r -> r.uid().equals(indexValue)))
          .toList();
    }

    @Override
    public Set<String> indexNames() {
      return Set.of(Indexes.OWNER);
    }
  }
}
