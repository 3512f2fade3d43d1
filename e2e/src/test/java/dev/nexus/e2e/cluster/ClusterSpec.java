package dev.nexus.e2e.cluster;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What to run: how many members (ids s1..sN) and the extra {@code nexus server} arguments every
 * member gets, e.g. {@code --snapshot-every-entries 50}.
 */
public record ClusterSpec(List<String> ids, List<String> serverArgs) {
  public ClusterSpec {
    ids = List.copyOf(ids);
    serverArgs = List.copyOf(serverArgs);
  }

  public static ClusterSpec of(int members, String... serverArgs) {
    return new ClusterSpec(
        IntStream.rangeClosed(1, members).mapToObj(i -> "s" + i).toList(), List.of(serverArgs));
  }

  /** The Raft port every member listens on (each member has an address of its own). */
  public static final int RAFT_PORT = 7431;

  /** The HTTP API port every member listens on. */
  public static final int API_PORT = 7420;

  /**
   * {@code --peers} for members at {@code addresses} (same order as {@link #ids}): {@code
   * ID=IP:RAFT@IP:API,...}.
   */
  public String peers(List<String> addresses) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      String ip = addresses.get(i);
      b.append(i == 0 ? "" : ",")
          .append(ids.get(i))
          .append('=')
          .append(ip)
          .append(':')
          .append(RAFT_PORT)
          .append('@')
          .append(ip)
          .append(':')
          .append(API_PORT);
    }
    return b.toString();
  }
}
