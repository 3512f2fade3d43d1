package dev.nexus.api.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LabelSelectorPropertiesTest {
  @Provide
  Arbitrary<LabelSelector> selectors() {
    Arbitrary<String> keys = Arbitraries.of("app", "env", "nexus.dev/role", "tier");
    Arbitrary<String> values = Arbitraries.of("web", "db", "v1.2", "a_b");
    Arbitrary<Requirement> requirement =
        Combinators.combine(
                keys,
                Arbitraries.of(LabelOperator.values()),
                values.set().ofMinSize(1).ofMaxSize(3))
            .as(
                (k, op, vs) ->
                    switch (op) {
                      case EQUALS, NOT_EQUALS ->
                          new Requirement(k, op, List.of(vs.iterator().next()));
                      case IN, NOT_IN -> new Requirement(k, op, List.copyOf(vs));
                      case EXISTS, DOES_NOT_EXIST -> new Requirement(k, op, List.of());
                    });
    return requirement.list().ofMaxSize(4).map(LabelSelector::of);
  }

  @Provide
  Arbitrary<Map<String, String>> labels() {
    return Arbitraries.maps(
            Arbitraries.of("app", "env", "nexus.dev/role", "tier"),
            Arbitraries.of("web", "db", "v1.2", "a_b"))
        .ofMaxSize(4);
  }

  @Property(tries = 500)
  void parsingThePrintedFormGivesTheSameSelector(@ForAll("selectors") LabelSelector s) {
    assertThat(LabelSelector.parse(s.toString())).isEqualTo(s);
  }

  @Property(tries = 500)
  void theObjectFormMatchesTheSameLabels(
      @ForAll("selectors") LabelSelector s, @ForAll("labels") Map<String, String> labels) {
    assertThat(LabelSelector.fromJson(s.toJson()).matches(labels)).isEqualTo(s.matches(labels));
  }
}
