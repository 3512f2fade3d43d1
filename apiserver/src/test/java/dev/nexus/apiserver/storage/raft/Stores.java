package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Opening real stores for tests. */
final class Stores {
  private Stores() {}

  static StoreConfig.Builder config(Path dir) {
    return StoreConfig.builder(dir).watchCacheRevisions(64);
  }

  static RaftStore openReady(StoreConfig config) throws Exception {
    RaftStore store = RaftStore.open(config);
    assertThat(store.awaitReady(Duration.ofSeconds(20))).as("store ready").isTrue();
    return store;
  }

  static byte[] v(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static TxnResult put(RaftStore store, String key, String value) {
    return store.commit(Txn.of(new Op.Put(key, v(value), Precondition.NONE))).join();
  }
}
