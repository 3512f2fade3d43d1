package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * Opens one store per id as a Raft group on free loopback ports, filling {@code peers} (id to
   * address) and {@code stores}. A port found free can be taken before the store binds it (another
   * test's outgoing connection may get it as its ephemeral port), so when a bind fails every store
   * opened so far is closed and the group is tried again on new ports in emptied data directories.
   */
  static void openGroup(
      List<String> ids,
      Map<String, String> peers,
      Map<String, RaftStore> stores,
      Function<String, StoreConfig> config)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      peers.clear();
      for (String id : ids) {
        try (ServerSocket s = new ServerSocket(0)) {
          peers.put(id, "127.0.0.1:" + s.getLocalPort());
        }
      }
      try {
        for (String id : ids) {
          stores.put(id, RaftStore.open(config.apply(id)));
        }
        return;
      } catch (IOException e) {
        stores.values().forEach(RaftStore::close);
        stores.clear();
        if (attempt == 5 || !portTaken(e)) {
          throw e;
        }
        for (String id : ids) { // the stores wrote the old addresses: start them afresh
          Path data = config.apply(id).dataDir();
          if (Files.exists(data)) {
            RestartIT.deleteTree(data);
          }
        }
      }
    }
  }

  private static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
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
