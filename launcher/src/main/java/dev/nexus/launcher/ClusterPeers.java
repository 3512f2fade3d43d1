package dev.nexus.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The members a {@code nexus server} is told about: {@code ID=RAFT_HOST:PORT@API_HOST:PORT},
 * comma-separated. The Raft address is where members replicate to each other; the API address is
 * where clients (and {@code /cluster/members}) reach that member's HTTP API.
 *
 * @param raft member id to Raft address, in the order given
 * @param api member id to API address
 */
record ClusterPeers(Map<String, String> raft, Map<String, String> api) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern ADDRESS = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:(\\d{1,5})");

  static final String FORMAT = "ID=RAFT_HOST:PORT@API_HOST:PORT";

  /** Parses {@code spec}; an error names {@code option} and the entry at fault. */
  static ClusterPeers parse(String option, String spec) {
    Map<String, String> raft = new LinkedHashMap<>();
    Map<String, String> api = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      Member m = member(option, e);
      if (raft.putIfAbsent(m.id(), m.raftAddress()) != null) {
        throw new IllegalArgumentException(option + ": member " + m.id() + " is listed twice");
      }
      api.put(m.id(), m.apiAddress());
    }
    if (raft.isEmpty()) {
      throw new IllegalArgumentException(option + ": must list at least one member as " + FORMAT);
    }
    return new ClusterPeers(raft, api);
  }

  /** One member. */
  record Member(String id, String raftAddress, String apiAddress) {}

  static Member member(String option, String entry) {
    int eq = entry.indexOf('=');
    int at = entry.indexOf('@');
    if (eq <= 0 || at < eq) {
      throw new IllegalArgumentException(option + ": \"" + entry + "\" must look like " + FORMAT);
    }
    String id = entry.substring(0, eq);
    String raft = entry.substring(eq + 1, at);
    String apiAddress = entry.substring(at + 1);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          option
              + ": member id \""
              + id
              + "\" must be 1-63 lowercase letters, digits or '-', starting and ending"
              + " alphanumeric");
    }
    checkAddress(option, id, "Raft", raft);
    checkAddress(option, id, "API", apiAddress);
    return new Member(id, raft, apiAddress);
  }

  static void checkAddress(String option, String id, String what, String address) {
    var m = ADDRESS.matcher(address);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
      throw new IllegalArgumentException(
          option
              + ": "
              + what
              + " address of "
              + id
              + " must be HOST:PORT with a port within 1..65535, was \""
              + address
              + "\"");
    }
  }
}
