package dev.nexus.e2e.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partitions and delays, done the same way for both backends from inside each member's network
 * namespace: a partition is a blackhole route to each peer's address on both sides (iproute2 only;
 * the host keeps reaching every member), a delay is an {@link EgressDelay} on the member's
 * interface (this machine's kernel has no netem qdisc).
 */
final class NetworkFaults {
  /** How to reach one member's network namespace. */
  interface Members {
    List<String> ids();

    String ip(String id);

    /** The command prefix that runs a command in the member's network namespace. */
    List<String> enter(String id);

    boolean running(String id);
  }

  private record Cut(String from, String toIp) {}

  private final Members members;
  private final Set<Cut> cuts = new LinkedHashSet<>();
  private final Map<String, EgressDelay> delays = new ConcurrentHashMap<>();

  NetworkFaults(Members members) {
    this.members = members;
  }

  synchronized void partition(String id) {
    for (String other : members.ids()) {
      if (!other.equals(id)) {
        blackhole(new Cut(id, members.ip(other)));
        blackhole(new Cut(other, members.ip(id)));
      }
    }
  }

  private void blackhole(Cut cut) {
    if (cuts.add(cut)) {
      in(cut.from(), "ip", "route", "replace", "blackhole", cut.toIp() + "/32");
    }
  }

  synchronized void heal() {
    for (Cut cut : new ArrayList<>(cuts)) {
      // A stopped member's namespace may be gone (containers): nothing left to remove there.
      if (members.running(cut.from())) {
        List<String> cmd = new ArrayList<>(members.enter(cut.from()));
        cmd.addAll(List.of("ip", "route", "del", "blackhole", cut.toIp() + "/32"));
        Commands.attempt(cmd, 30);
      }
      cuts.remove(cut);
    }
  }

  void delay(String id, Duration delay) {
    clearDelay(id);
    delays.put(id, EgressDelay.start(members.enter(id), "eth0", delay));
  }

  void clearDelay(String id) {
    EgressDelay d = delays.remove(id);
    if (d != null) {
      d.close();
    }
  }

  void close() {
    delays.keySet().forEach(this::clearDelay);
    heal();
  }

  private void in(String id, String... cmd) {
    List<String> full = new ArrayList<>(members.enter(id));
    full.addAll(List.of(cmd));
    Commands.run(full.toArray(String[]::new));
  }
}
