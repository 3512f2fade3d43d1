package dev.nexus.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.e2e.cluster.ClusterUnderTest;
import dev.nexus.e2e.cluster.MemberProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every member holds in its own replica: a {@code resourceVersion=0} list (served from the
 * member's local LMDB, no read-index round), as name to resourceVersion.
 */
final class Converged {
  private Converged() {}

  static Map<String, String> localLeases(URI member) {
    String path =
        "/apis/"
            + BuiltinKinds.LEASE.group()
            + "/"
            + BuiltinKinds.LEASE.version()
            + "/namespaces/"
            + RegisterLoad.NAMESPACE
            + "/leases?resourceVersion=0";
    return MemberProbe.get(member, path)
        .filter(r -> r.statusCode() == 200)
        .map(
            r -> {
              Map<String, String> out = new TreeMap<>();
              for (var item : tree(r.body()).path("items")) {
                out.put(
                    item.path("metadata").path("name").asText(),
                    item.path("metadata").path("resourceVersion").asText());
              }
              return out;
            })
        .orElse(null);
  }

  /**
   * Waits until every member among {@code ids} holds the same objects at the same revisions, and
   * asserts every acknowledged create is among them; returns that common state.
   */
  static Map<String, String> everywhere(
      ClusterUnderTest cluster, List<String> ids, List<String> acknowledged) {
    AtomicReference<Map<String, List<Map<String, String>>>> last = new AtomicReference<>();
    AtomicReference<Map<String, String>> common = new AtomicReference<>();
    try {
      await("members " + ids + " converge to the same objects and revisions")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                List<Map<String, String>> states =
                    ids.stream().map(id -> localLeases(cluster.apiUrl(id))).toList();
                last.set(Map.of("states", states));
                if (states.stream().anyMatch(s -> s == null)
                    || states.stream().distinct().count() != 1) {
                  return false;
                }
                common.set(states.getFirst());
                return common.get().keySet().containsAll(acknowledged);
              });
    } catch (Throwable e) {
      Map<String, String> any =
          last.get() == null
              ? Map.of()
              : last.get().get("states").stream()
                  .filter(s -> s != null)
                  .findFirst()
                  .orElse(Map.of());
      List<String> missing = acknowledged.stream().filter(n -> !any.containsKey(n)).toList();
      throw new AssertionError(
          e.getMessage()
              + "; acknowledged but missing on one member: "
              + missing
              + "\n"
              + cluster.logs(),
          e);
    }
    assertThat(common.get()).containsKeys(acknowledged.toArray(String[]::new));
    return common.get();
  }

  /** Waits until every member among {@code ids} holds every acknowledged create locally. */
  static void acknowledgedOnEach(
      ClusterUnderTest cluster, List<String> ids, List<String> acknowledged) {
    for (String id : ids) {
      AtomicReference<List<String>> missing = new AtomicReference<>(acknowledged);
      try {
        await(id + " holds every acknowledged create")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  Map<String, String> local = localLeases(cluster.apiUrl(id));
                  if (local == null) {
                    return false;
                  }
                  missing.set(acknowledged.stream().filter(n -> !local.containsKey(n)).toList());
                  return missing.get().isEmpty();
                });
      } catch (Throwable e) {
        throw new AssertionError(
            id + " lacks acknowledged creates " + missing.get() + "\n" + cluster.logs(), e);
      }
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
