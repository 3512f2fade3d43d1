package dev.nexus.api.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MergePatchPropertiesTest {
  @Provide
  Arbitrary<ObjectNode> trees() {
    return JsonTrees.objects();
  }

  @Property(tries = 500)
  void applyingTheDiffGivesTheTarget(
      @ForAll("trees") ObjectNode from, @ForAll("trees") ObjectNode to) {
    assertThat(MergePatch.apply(from, MergePatch.diff(from, to))).isEqualTo(to);
  }

  @Property(tries = 300)
  void inputsAreNeverModified(@ForAll("trees") ObjectNode a, @ForAll("trees") ObjectNode b) {
    ObjectNode a0 = a.deepCopy();
    ObjectNode b0 = b.deepCopy();
    MergePatch.apply(a, MergePatch.diff(a, b));
    ThreeWay.patch(a, b, a);
    assertThat(a).isEqualTo(a0);
    assertThat(b).isEqualTo(b0);
  }

  @Property(tries = 300)
  void applyingAPatchTwiceChangesNothingMore(
      @ForAll("trees") ObjectNode target, @ForAll("trees") ObjectNode patch) {
    JsonNode once = MergePatch.apply(target, patch);
    assertThat(MergePatch.apply(once, patch)).isEqualTo(once);
  }

  @Property(tries = 500)
  void threeWayNeverTouchesKeysOutsideLastAppliedAndDesired(
      @ForAll("trees") ObjectNode last,
      @ForAll("trees") ObjectNode desired,
      @ForAll("trees") ObjectNode live) {
    JsonNode patch = ThreeWay.patch(last, desired, live);
    assertOnlyOwnedKeys(patch, last, desired);
  }

  @Property(tries = 500)
  void threeWayMakesTheLiveObjectMatchTheManifest(
      @ForAll("trees") ObjectNode last,
      @ForAll("trees") ObjectNode desired,
      @ForAll("trees") ObjectNode live) {
    JsonNode result = MergePatch.apply(live, ThreeWay.patch(last, desired, live));
    assertContains(result, desired);
  }

  @Property(tries = 300)
  void reapplyingAnAppliedManifestIsANoOp(
      @ForAll("trees") ObjectNode desired, @ForAll("trees") ObjectNode live) {
    JsonNode applied = MergePatch.apply(live, ThreeWay.patch(null, desired, live));
    assertThat(ThreeWay.patch(desired, desired, applied))
        .isEqualTo(MergePatch.diff(applied, applied));
  }

  /** Every key in the patch was in lastApplied or desired at that level. */
  private static void assertOnlyOwnedKeys(JsonNode patch, JsonNode last, JsonNode desired) {
    if (!patch.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      boolean owned = has(last, e.getKey()) || has(desired, e.getKey());
      assertThat(owned).as("patch touches key %s owned by nobody", e.getKey()).isTrue();
      if (e.getValue().isObject()
          && has(desired, e.getKey())
          && desired.get(e.getKey()).isObject()) {
        assertOnlyOwnedKeys(
            e.getValue(), last == null ? null : last.get(e.getKey()), desired.get(e.getKey()));
      }
    }
  }

  private static boolean has(JsonNode node, String key) {
    return node != null && node.isObject() && node.has(key);
  }

  /** Every value in desired is in result (objects compared key by key). */
  private static void assertContains(JsonNode result, JsonNode desired) {
    for (Map.Entry<String, JsonNode> e : desired.properties()) {
      JsonNode got = result.get(e.getKey());
      assertThat(got).as(e.getKey()).isNotNull();
      if (e.getValue().isObject() && got.isObject()) {
        assertContains(got, e.getValue());
      } else {
        assertThat(got).isEqualTo(e.getValue());
      }
    }
  }
}
