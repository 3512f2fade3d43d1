package dev.nexus.apiserver.storage.raft;

import static dev.nexus.apiserver.storage.raft.Stores.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Consistency;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.Txn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When LMDB cannot take a write, the replica stops rather than diverge, and recovers on restart.
 */
class FailStopIT {
  @TempDir Path dir;

  @Test
  void aFullDatabaseStopsTheReplicaAndARestartWithRoomRecoversEverything() throws Exception {
    StoreConfig tiny = Stores.config(dir).lmdbMapSizeBytes(1 << 20).build();
    String pad = "x".repeat(16 << 10);
    List<String> acknowledged = new ArrayList<>();
    try (RaftStore store = Stores.openReady(tiny)) {
      ApiException failure = null;
      for (int i = 0; i < 200 && failure == null; i++) {
        try {
          store.commit(Txn.of(new Op.Put("/full/" + i, v(pad), Precondition.NONE))).join();
          acknowledged.add("/full/" + i);
        } catch (CompletionException e) {
          failure = (ApiException) e.getCause();
        }
      }
      assertThat(failure).as("the map filled up").isNotNull();
      assertThat(failure.code()).isEqualTo(503);
      await().until(() -> !store.ready());
      assertThatThrownBy(() -> store.get("/full/0", Consistency.LOCAL))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(503))
          .hasMessageContaining("storage stopped");
    }

    StoreConfig roomy = tiny.toBuilder().lmdbMapSizeBytes(64 << 20).build();
    try (RaftStore store = Stores.openReady(roomy)) {
      await().until(() -> store.get(acknowledged.getLast(), Consistency.LOCAL).isPresent());
      for (String key : acknowledged) {
        assertThat(store.get(key, Consistency.LINEARIZABLE)).as(key).isPresent();
      }
    }
  }
}
