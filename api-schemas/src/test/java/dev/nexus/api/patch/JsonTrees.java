package dev.nexus.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Arbitrary JSON trees without nulls. Keys come from a small alphabet so that generated documents
 * overlap (the interesting case for diffs and three-way merges).
 */
final class JsonTrees {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonTrees() {}

  static Arbitrary<ObjectNode> objects() {
    return objects(3);
  }

  private static Arbitrary<ObjectNode> objects(int depth) {
    Arbitrary<JsonNode> value = depth == 0 ? scalars() : values(depth - 1);
    return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d", "e"), value)
        .ofMaxSize(4)
        .map(
            m -> {
              ObjectNode o = F.objectNode();
              m.forEach(o::set);
              return o;
            });
  }

  private static Arbitrary<JsonNode> values(int depth) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalars()),
        net.jqwik.api.Tuple.of(1, arrays()),
        net.jqwik.api.Tuple.of(2, objects(depth).map(o -> (JsonNode) o)));
  }

  private static Arbitrary<JsonNode> arrays() {
    return scalars().list().ofMaxSize(3).map(JsonTrees::array);
  }

  private static JsonNode array(List<JsonNode> items) {
    var a = F.arrayNode();
    items.forEach(a::add);
    return a;
  }

  private static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.of("x", "y", "").map(s -> (JsonNode) F.textNode(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)));
  }
}
