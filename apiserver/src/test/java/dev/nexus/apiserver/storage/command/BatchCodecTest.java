package dev.nexus.apiserver.storage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
  static byte[] v(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] command(Txn txn) {
    return CommandCodec.encode(txn, 1 << 20);
  }

  @Test
  void aBatchKeepsItsTransactionsApartAndInOrder() {
    Txn a = Txn.of(new Op.Put("/a", v("1"), Precondition.ABSENT));
    Txn b =
        Txn.of(
            new Op.Check("/ns", Precondition.modRevision(4)),
            new Op.Put("/b", v("2"), Precondition.NONE),
            new Op.Delete("/c", Precondition.PRESENT));

    List<Txn> back = BatchCodec.decode(BatchCodec.encode(List.of(command(a), command(b))));

    assertThat(back).hasSize(2);
    assertThat(back.get(0).ops()).singleElement().extracting(Op::key).isEqualTo("/a");
    assertThat(back.get(1).ops())
        .extracting(op -> op.getClass().getSimpleName() + " " + op.key() + " " + op.precondition())
        .containsExactly(
            "Check /ns ModRevision[revision=4]", "Put /b None[]", "Delete /c Present[]");
    assertThat(((Op.Put) back.get(1).ops().get(1)).value()).isEqualTo(v("2"));
  }

  @Test
  void anEntryWrittenBeforeBatchingReadsAsABatchOfOne() {
    byte[] single = command(Txn.of(new Op.Put("/old", v("x"), Precondition.NONE)));

    assertThat(BatchCodec.decode(single))
        .singleElement()
        .extracting(t -> t.ops().getFirst().key())
        .isEqualTo("/old");
  }

  @Test
  void damagedBatchesAreRefused() {
    byte[] ok =
        BatchCodec.encode(
            List.of(
                command(Txn.of(new Op.Put("/a", v("1"), Precondition.NONE))),
                command(Txn.of(new Op.Put("/b", v("2"), Precondition.NONE)))));

    assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(ok, ok.length - 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(ok, ok.length + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
    byte[] zero = ok.clone();
    zero[4] = 0; // transaction count 0
    assertThatThrownBy(() -> BatchCodec.decode(zero)).hasMessageContaining("count");
    assertThatThrownBy(() -> BatchCodec.encode(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchReplyCarriesEveryResultInOrder() {
    TxnResult applied = new TxnResult(7, -1, Optional.empty());
    TxnResult refused = new TxnResult(7, 0, Optional.of(new StoredObject("/a", v("winner"), 5, 3)));

    List<TxnResult> back =
        BatchResultCodec.decode(BatchResultCodec.encode(List.of(applied, refused)));

    assertThat(back).hasSize(2);
    assertThat(back.get(0)).isEqualTo(applied);
    assertThat(back.get(1).failedOp()).isZero();
    StoredObject current = back.get(1).current().orElseThrow();
    assertThat(current.value()).isEqualTo(v("winner"));
    assertThat(List.of(current.key(), current.modRevision(), current.createRevision()))
        .containsExactly("/a", 5L, 3L);
  }
}
