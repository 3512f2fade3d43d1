package dev.nexus.client.informer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.model.ApiObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;

/**
 * After any sequence of puts and removes, every index answers exactly what a scan of the objects
 * would.
 */
class IndexedCachePropertyTest {
  @RepeatedTest(20)
  void indexesAgreeWithAFullScan() {
    Random random = new Random();
    IndexedCache cache = new IndexedCache();
    Map<ObjectKey, ApiObject> model = new TreeMap<>();
    String[] namespaces = {"a", "b", "c"};
    String[] values = {"x", "y", "z"};
    for (int step = 0; step < 300; step++) {
      ObjectKey key = new ObjectKey(namespaces[random.nextInt(3)], "o" + random.nextInt(15));
      if (random.nextInt(4) == 0) {
        cache.remove(key);
        model.remove(key);
        continue;
      }
      ApiObject o = IndexedCacheTest.obj(key.namespace(), key.name(), Integer.toString(step));
      IndexedCacheTest.labelled(o, "app", values[random.nextInt(3)]);
      IndexedCacheTest.ownedBy(o, values[random.nextInt(3)], values[random.nextInt(3)]);
      cache.put(o);
      model.put(key, o);
      if (step == 150) {
        cache.byIndex(Indexes.label("app"), "x"); // build the label index midway
      }
    }
    assertThat(cache.list()).containsExactlyElementsOf(model.values());
    for (String ns : namespaces) {
      assertThat(cache.list(ns))
          .containsExactlyElementsOf(
              model.values().stream().filter(o -> o.namespace().equals(ns)).toList());
    }
    for (String v : values) {
      List<ApiObject> byLabel =
          model.values().stream().filter(o -> v.equals(o.labels().get("app"))).toList();
      assertThat(cache.byIndex(Indexes.label("app"), v)).containsExactlyElementsOf(byLabel);
      List<ApiObject> byOwner =
          model.values().stream().filter(o -> Indexes.ownerUidsOf(o).contains(v)).toList();
      assertThat(cache.byIndex(Indexes.OWNER, v)).containsExactlyElementsOf(byOwner);
    }
  }
}
