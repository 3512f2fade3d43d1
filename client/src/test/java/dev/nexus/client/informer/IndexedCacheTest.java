package dev.nexus.client.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.model.ApiObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedCacheTest {
  static ApiObject obj(String ns, String name, String rv) {
    ApiObject o = ApiObject.of("nexus.dev/v1", "Instance", ns, name);
    o.setResourceVersion(rv);
    return o;
  }

  static ApiObject labelled(ApiObject o, String key, String value) {
    o.metadata().putObject("labels").put(key, value);
    return o;
  }

  static ApiObject ownedBy(ApiObject o, String... uids) {
    var refs = o.metadata().putArray("ownerReferences");
    for (String uid : uids) {
      ObjectNode r = refs.addObject();
      r.put("kind", "Workload");
      r.put("name", "w-" + uid);
      r.put("uid", uid);
    }
    return o;
  }

  private static List<String> names(List<ApiObject> objects) {
    return objects.stream().map(o -> o.namespace() + "/" + o.name()).toList();
  }

  @Test
  void getsAndListsInNamespaceThenNameOrder() {
    IndexedCache c = new IndexedCache();
    c.put(obj("b", "x", "1"));
    c.put(obj("a-b", "y", "2"));
    c.put(obj("a", "z", "3"));
    c.put(obj("a", "c", "4"));
    assertThat(names(c.list())).containsExactly("a/c", "a/z", "a-b/y", "b/x");
    assertThat(names(c.list("a"))).containsExactly("a/c", "a/z");
    assertThat(c.get("a", "z")).map(ApiObject::resourceVersion).contains("3");
    assertThat(c.get("a", "missing")).isEmpty();
    assertThat(c.list("nowhere")).isEmpty();
  }

  @Test
  void clusterScopedObjectsAreFoundWithANullNamespace() {
    IndexedCache c = new IndexedCache();
    c.put(obj(null, "node-1", "1"));
    assertThat(c.get(null, "node-1")).isPresent();
    assertThat(c.get("", "node-1")).isPresent();
    assertThat(c.byIndex(Indexes.NAMESPACE, "")).isEmpty();
  }

  @Test
  void ownerIndexFollowsEveryOwnerReferenceAcrossUpdatesAndDeletes() {
    IndexedCache c = new IndexedCache();
    c.put(ownedBy(obj("ns", "i1", "1"), "u1"));
    c.put(ownedBy(obj("ns", "i2", "2"), "u1", "u2"));
    assertThat(names(c.byIndex(Indexes.OWNER, "u1"))).containsExactly("ns/i1", "ns/i2");
    assertThat(names(c.byIndex(Indexes.OWNER, "u2"))).containsExactly("ns/i2");

    c.put(ownedBy(obj("ns", "i2", "3"), "u2")); // u1 dropped as an owner
    assertThat(names(c.byIndex(Indexes.OWNER, "u1"))).containsExactly("ns/i1");
    c.remove(new ObjectKey("ns", "i1"));
    assertThat(c.byIndex(Indexes.OWNER, "u1")).isEmpty();
    assertThat(names(c.byIndex(Indexes.OWNER, "u2"))).containsExactly("ns/i2");
  }

  @Test
  void labelIndexesAreBuiltOnFirstUseAndKeptCurrent() {
    IndexedCache c = new IndexedCache();
    c.put(labelled(obj("ns", "a", "1"), "app", "web"));
    c.put(labelled(obj("ns", "b", "2"), "app", "db"));
    assertThat(c.indexNames()).doesNotContain(Indexes.label("app"));
    assertThat(names(c.byIndex(Indexes.label("app"), "web"))).containsExactly("ns/a");
    assertThat(c.indexNames()).contains(Indexes.label("app"));

    c.put(labelled(obj("ns", "b", "3"), "app", "web"));
    assertThat(names(c.byIndex(Indexes.label("app"), "web"))).containsExactly("ns/a", "ns/b");
    assertThat(c.byIndex(Indexes.label("app"), "db")).isEmpty();
  }

  @Test
  void userIndexesIndexWhatIsAlreadyCachedAndUnknownIndexesAreNamed() {
    IndexedCache c = new IndexedCache();
    ApiObject onN1 = obj("ns", "a", "1");
    onN1.node().putObject("spec").put("nodeName", "n1");
    c.put(onN1);
    c.put(obj("ns", "b", "2"));
    c.addIndex(
        "node",
        o ->
            o.spec() == null || !o.spec().has("nodeName")
                ? List.of()
                : List.of(o.spec().get("nodeName").asText()));
    assertThat(names(c.byIndex("node", "n1"))).containsExactly("ns/a");
    assertThat(c.indexNames()).contains(Indexes.NAMESPACE, Indexes.OWNER, "node");
    assertThatThrownBy(() -> c.addIndex("node", o -> List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("node");
    assertThatThrownBy(() -> c.byIndex("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no index named \"nope\"");
  }

  @Test
  void aThrowingIndexFunctionLeavesTheObjectOutOfThatIndexOnly() {
    IndexedCache c = new IndexedCache();
    c.addIndex(
        "fragile",
        o -> {
          if (o.name().equals("bad")) {
            throw new IllegalStateException("boom");
          }
          return List.of("v");
        });
    c.put(obj("ns", "bad", "1"));
    c.put(obj("ns", "good", "2"));
    assertThat(names(c.byIndex("fragile", "v"))).containsExactly("ns/good");
    assertThat(names(c.list("ns"))).containsExactly("ns/bad", "ns/good");
    c.remove(new ObjectKey("ns", "bad"));
    assertThat(c.get("ns", "bad")).isEmpty();
  }
}
