package dev.nexus.apiserver.storage.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nexus.api.error.ApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.junit.jupiter.api.Test;

/** What a user reads when a write or read cannot get through the Raft group. */
class StorageFailuresTest {
  @Test
  void aClosedClientWindowOnACutOffMemberSaysItLostTheLeaderAndNamesNoRatisClass() {
    ApiException e =
        StorageFailures.of(
            "commit",
            new CompletionException(
                new AlreadyClosedException(
                    "SlidingWindow$Client:client-1->RAFT is closed.",
                    new java.io.IOException("Failed RaftClientRequest:client-1"))));

    assertThat(e.code()).isEqualTo(503);
    assertThat(e.getMessage())
        .isEqualTo(
            "this member has lost contact with the leader (no quorum): retry on another member")
        .doesNotContain("Exception", "SlidingWindow", "Raft");
  }

  @Test
  void aTimeoutSaysNoMajorityAnsweredInTime() {
    for (Throwable cause :
        new Throwable[] {new TimeoutException(), new TimeoutIOException("timed out", null)}) {
      ApiException e = StorageFailures.of("linearizable read", cause);

      assertThat(e.code()).isEqualTo(503);
      assertThat(e.getMessage())
          .startsWith("storage could not complete the linearizable read in time")
          .doesNotContain("Exception");
    }
  }

  @Test
  void anApiErrorPassesThroughUnchanged() {
    ApiException conflict = ApiException.conflict("leases", "a", "the object has been modified");

    assertThat(StorageFailures.of("commit", new CompletionException(conflict))).isSameAs(conflict);
  }
}
