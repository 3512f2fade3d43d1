package dev.nexus.controllers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Plays whole rollouts against the planner, with a node agent that readies one random new instance
 * per step, and checks the strategy's bounds after every step.
 */
class RolloutSimulationTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Property(tries = 300)
  void rollingUpdateHonoursSurgeAndUnavailabilityAndConverges(
      @ForAll @IntRange(min = 0, max = 12) int replicas,
      @ForAll @IntRange(min = 0, max = 4) int surge,
      @ForAll @IntRange(min = 0, max = 4) int unavailable,
      @ForAll long seed) {
    int maxUnavailable = surge == 0 && unavailable == 0 ? 1 : unavailable;
    RolloutSpec spec =
        new RolloutSpec(replicas, "new", false, surge, maxUnavailable, Duration.ZERO);
    Random random = new Random(seed);
    List<InstanceView> live = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      live.add(instance("old-" + i, "old", true));
    }
    int created = 0;
    for (int step = 0; step < 10 * (replicas + 2); step++) {
      Plan plan = RolloutPlanner.plan(spec, live, NOW);
      if (plan.isEmpty() && live.stream().allMatch(InstanceView::ready)) {
        break;
      }
      List<String> gone = plan.deletions().stream().map(Plan.Deletion::name).toList();
      live.removeIf(i -> gone.contains(i.name()));
      for (int c = 0; c < plan.create(); c++) {
        live.add(instance("new-" + created++, "new", false));
      }
      assertThat(live.size()).as("total after step %d", step).isLessThanOrEqualTo(replicas + surge);
      assertThat(live.stream().filter(InstanceView::ready).count())
          .as("available after step %d", step)
          .isGreaterThanOrEqualTo(spec.minAvailable());
      List<Integer> notReady = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        if (!live.get(i).ready()) {
          notReady.add(i);
        }
      }
      if (!notReady.isEmpty()) {
        int i = notReady.get(random.nextInt(notReady.size()));
        live.set(i, instance(live.get(i).name(), live.get(i).templateHash(), true));
      }
    }
    assertThat(live).hasSize(replicas);
    assertThat(live).allMatch(i -> i.templateHash().equals("new") && i.ready());
  }

  private static InstanceView instance(String name, String hash, boolean ready) {
    return new InstanceView(name, hash, NOW, true, ready, ready ? NOW : null, false, false);
  }
}
