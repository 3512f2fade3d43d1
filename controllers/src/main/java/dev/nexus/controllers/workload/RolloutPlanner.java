package dev.nexus.controllers.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what to create and delete for one Workload: a pure function of (spec, Instances, now), so
 * every rule is tested without a server.
 *
 * <p>The rules, on the live Instances (terminated and deleting ones set aside):
 *
 * <ul>
 *   <li>Terminated Instances (phase Failed/Succeeded) are deleted and do not count, so replacements
 *       are created at once.
 *   <li>When every live Instance runs the current template, scale: create the shortfall, or delete
 *       the excess, least useful first (not ready, then unscheduled, then newest).
 *   <li>Rolling update (old-template Instances exist): create new ones while the total stays at
 *       most {@code replicas + maxSurge}; delete old ones only while the available count stays at
 *       least {@code replicas - maxUnavailable}, counting new Instances that are not yet available
 *       against the budget. Worked example, replicas 3, maxSurge 1, maxUnavailable 0, three old
 *       ready: create 1 new (total 4); nothing is deleted until it is ready (budget 4 - 3 - 1 = 0);
 *       once ready, one old goes (budget 1), then the next new is created, and so on.
 *   <li>Recreate: delete every old Instance first; create new ones only once none is left (the
 *       scaling rule above then applies).
 * </ul>
 *
 * Creating and deleting in the same step is safe: creations never lower availability and deletions
 * never raise the total, so each bound holds whichever lands first.
 */
public final class RolloutPlanner {
  private RolloutPlanner() {}

  /** Deletion preference: not ready first, then unscheduled, then newest, then by name. */
  static final Comparator<InstanceView> LEAST_USEFUL_FIRST =
      Comparator.comparing(InstanceView::ready)
          .thenComparing(InstanceView::scheduled)
          .thenComparing(InstanceView::created, Comparator.reverseOrder())
          .thenComparing(InstanceView::name, Comparator.reverseOrder());

  public static Plan plan(RolloutSpec spec, List<InstanceView> instances, Instant now) {
    List<Plan.Deletion> deletions = new ArrayList<>();
    List<InstanceView> current = new ArrayList<>();
    List<InstanceView> old = new ArrayList<>();
    for (InstanceView i : instances) {
      if (i.deleting()) {
        continue;
      }
      if (i.terminal()) {
        deletions.add(new Plan.Deletion(i.name(), Plan.Reason.TERMINATED));
      } else if (spec.templateHash().equals(i.templateHash())) {
        current.add(i);
      } else {
        old.add(i);
      }
    }
    Plan.Counts counts = counts(spec, current, old, now);
    int create;
    if (old.isEmpty()) {
      create = Math.max(0, spec.replicas() - current.size());
      deleteLeastUseful(current, current.size() - spec.replicas(), Plan.Reason.EXCESS, deletions);
    } else if (spec.recreate()) {
      create = 0;
      deleteLeastUseful(old, old.size(), Plan.Reason.OLD_TEMPLATE, deletions);
    } else {
      create = rollingUpdate(spec, current, old, counts, now, deletions);
    }
    return new Plan(create, deletions, counts, recheckAfter(spec, instances, now));
  }

  private static int rollingUpdate(
      RolloutSpec spec,
      List<InstanceView> current,
      List<InstanceView> old,
      Plan.Counts counts,
      Instant now,
      List<Plan.Deletion> deletions) {
    int total = current.size() + old.size();
    int create =
        Math.max(
            0,
            Math.min(spec.replicas() + spec.maxSurge() - total, spec.replicas() - current.size()));
    int currentUnavailable = current.size() - counts.updatedAvailable();
    int budget = total - spec.minAvailable() - currentUnavailable;
    // Unavailable old instances first: letting them go costs no availability.
    List<InstanceView> unavailableOld =
        old.stream().filter(i -> !i.available(now, spec.minReady())).toList();
    List<InstanceView> availableOld =
        old.stream().filter(i -> i.available(now, spec.minReady())).toList();
    int dropped = deleteLeastUseful(unavailableOld, budget, Plan.Reason.OLD_TEMPLATE, deletions);
    budget -= dropped;
    int healthy = Math.min(budget, counts.available() - spec.minAvailable());
    deleteLeastUseful(availableOld, healthy, Plan.Reason.OLD_TEMPLATE, deletions);
    // Scaled down during a rollout: new instances beyond replicas go too.
    deleteLeastUseful(current, current.size() - spec.replicas(), Plan.Reason.EXCESS, deletions);
    return create;
  }

  /** Adds the {@code count} least useful of {@code from} to deletions; returns how many. */
  private static int deleteLeastUseful(
      List<InstanceView> from, int count, Plan.Reason reason, List<Plan.Deletion> deletions) {
    if (count <= 0) {
      return 0;
    }
    List<InstanceView> sorted = new ArrayList<>(from);
    sorted.sort(LEAST_USEFUL_FIRST);
    int n = Math.min(count, sorted.size());
    for (int i = 0; i < n; i++) {
      deletions.add(new Plan.Deletion(sorted.get(i).name(), reason));
    }
    return n;
  }

  private static Plan.Counts counts(
      RolloutSpec spec, List<InstanceView> current, List<InstanceView> old, Instant now) {
    int ready = 0;
    int available = 0;
    int updatedAvailable = 0;
    for (InstanceView i : current) {
      ready += i.ready() ? 1 : 0;
      if (i.available(now, spec.minReady())) {
        available++;
        updatedAvailable++;
      }
    }
    for (InstanceView i : old) {
      ready += i.ready() ? 1 : 0;
      available += i.available(now, spec.minReady()) ? 1 : 0;
    }
    return new Plan.Counts(
        current.size() + old.size(), ready, available, current.size(), updatedAvailable);
  }

  /** The delay until the first ready-but-not-yet-available instance becomes available. */
  private static Duration recheckAfter(
      RolloutSpec spec, List<InstanceView> instances, Instant now) {
    Duration first = null;
    for (InstanceView i : instances) {
      if (i.ready() && !i.deleting() && !i.available(now, spec.minReady())) {
        Duration d = Duration.between(now, i.readySince().plus(spec.minReady()));
        first = first == null || d.compareTo(first) < 0 ? d : first;
      }
    }
    return first;
  }
}
