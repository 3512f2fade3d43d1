package dev.nexus.apiserver.cluster;

import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Store;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.raft.ClusterAdmin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The members of the Raft group with the addresses clients use. Raft membership is authoritative;
 * API addresses come from storage records (written when a member is added at run time, replicated
 * like any write) and otherwise from the addresses this server was started with.
 */
public final class MemberDirectory {
  /** Storage keys of the API address records; outside {@code /registry/}, so no kind sees them. */
  public static final String PREFIX = "/cluster/members/";

  /** A member as clients see it; {@code apiAddress} is null when no one has told us. */
  public record Member(
      String id, String raftAddress, String apiAddress, boolean leader, boolean self) {}

  private final ClusterAdmin admin;
  private final Store store;
  private final Map<String, String> startupApiAddresses;

  public MemberDirectory(ClusterAdmin admin, Store store, Map<String, String> startupApiAddresses) {
    this.admin = admin;
    this.store = store;
    this.startupApiAddresses = Map.copyOf(startupApiAddresses);
  }

  public String self() {
    return admin.self();
  }

  /** The current members, by id, read from this replica (no round trip to the leader). */
  public List<Member> members() {
    Map<String, String> api = new HashMap<>(startupApiAddresses);
    for (StoredObject o : store.list(PREFIX, null, 0, Consistency.LOCAL).items()) {
      api.put(o.key().substring(PREFIX.length()), new String(o.value(), StandardCharsets.UTF_8));
    }
    List<Member> out = new ArrayList<>();
    for (ClusterAdmin.Member m : admin.members()) {
      out.add(new Member(m.id(), m.raftAddress(), api.get(m.id()), m.leader(), m.self()));
    }
    return out;
  }

  /**
   * Records the new member's API address, then adds it to the Raft group (waiting for it to catch
   * up). The record goes first so that every member can name the new one's address as soon as it
   * counts; a failed add leaves a record no member lists.
   */
  public void add(String id, String raftAddress, String apiAddress) {
    commit(
        Txn.of(
            new Op.Put(
                PREFIX + id, apiAddress.getBytes(StandardCharsets.UTF_8), Precondition.NONE)));
    admin.addMember(id, raftAddress);
  }

  /** Removes the member from the Raft group, then its address record. */
  public void remove(String id) {
    admin.removeMember(id);
    commit(Txn.of(new Op.Delete(PREFIX + id, Precondition.NONE)));
  }

  private void commit(Txn txn) {
    try {
      store.commit(txn).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  public void transferLeadership(String id) {
    admin.transferLeadership(id);
  }
}
