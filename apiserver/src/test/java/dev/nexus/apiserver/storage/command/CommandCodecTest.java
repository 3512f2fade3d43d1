package dev.nexus.apiserver.storage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.storage.Op;
import dev.nexus.apiserver.storage.Precondition;
import dev.nexus.apiserver.storage.StoredObject;
import dev.nexus.apiserver.storage.Txn;
import dev.nexus.apiserver.storage.TxnResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

  @Property(tries = 200)
  void everyTransactionSurvivesTheLog(@ForAll("txns") Txn txn) {
    Txn back = CommandCodec.decode(CommandCodec.encode(txn, 1 << 24));

    assertThat(back.ops()).hasSameSizeAs(txn.ops());
    for (int i = 0; i < txn.ops().size(); i++) {
      Op a = txn.ops().get(i);
      Op b = back.ops().get(i);
      assertThat(b.getClass()).isEqualTo(a.getClass());
      assertThat(b.key()).isEqualTo(a.key());
      assertThat(b.precondition()).isEqualTo(a.precondition());
      if (a instanceof Op.Put pa) {
        assertThat(((Op.Put) b).value()).isEqualTo(pa.value());
      }
    }
  }

  @Provide
  Arbitrary<Txn> txns() {
    Arbitrary<String> keys = Arbitraries.strings().ofMinLength(1).ofMaxLength(60);
    Arbitrary<Precondition> preconditions =
        Arbitraries.oneOf(
            Arbitraries.of(Precondition.NONE, Precondition.ABSENT, Precondition.PRESENT),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(Precondition::modRevision));
    Arbitrary<Op> puts =
        Combinators.combine(
                keys, Arbitraries.bytes().array(byte[].class).ofMaxSize(300), preconditions)
            .as(Op.Put::new);
    Arbitrary<Op> deletes = Combinators.combine(keys, preconditions).as(Op.Delete::new);
    Arbitrary<Op> checks = Combinators.combine(keys, preconditions).as(Op.Check::new);
    return Arbitraries.oneOf(puts, deletes, checks).list().ofMinSize(1).ofMaxSize(8).map(Txn::new);
  }

  @Test
  void theFirstByteIsTheFormatVersion() {
    byte[] bytes = CommandCodec.encode(Txn.of(new Op.Delete("k", Precondition.NONE)), 1024);

    assertThat(bytes[0]).isEqualTo(CommandCodec.VERSION);
  }

  @Test
  void anUnknownVersionIsRefusedNotGuessed() {
    byte[] bytes = CommandCodec.encode(Txn.of(new Op.Delete("k", Precondition.NONE)), 1024);
    bytes[0] = 9;

    assertThatThrownBy(() -> CommandCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown command version 9");
  }

  /**
   * Bytes exactly as version 1 wrote them (before CHECK existed): a PUT "k" = {7} that must be
   * absent, then a DELETE "old" at revision 5. Logs and snapshots written then must still replay.
   */
  @Test
  void aVersion1EntryStillDecodes() {
    String header = "01" + "00000002"; // version 1, two operations
    String putOp = "0101" + "00000001" + "6b" + "00000001" + "07"; // PUT ABSENT "k" {7}
    String deleteOp = "0203" + "0000000000000005" + "00000003" + "6f6c64"; // DELETE rev 5 "old"
    byte[] v1 = HexFormat.of().parseHex(header + putOp + deleteOp);

    Txn txn = CommandCodec.decode(v1);

    assertThat(txn.ops()).hasSize(2);
    Op.Put put = (Op.Put) txn.ops().get(0);
    assertThat(put.key()).isEqualTo("k");
    assertThat(put.value()).containsExactly(7);
    assertThat(put.precondition()).isEqualTo(Precondition.ABSENT);
    assertThat(txn.ops().get(1)).isEqualTo(new Op.Delete("old", Precondition.modRevision(5)));
  }

  @Test
  void aCheckKeepsItsKeyAndPreconditionAndNeedsTheNewVersion() {
    Txn txn =
        Txn.of(
            new Op.Check("/ns/default", Precondition.modRevision(42)),
            new Op.Put("/obj", new byte[] {1}, Precondition.ABSENT));
    byte[] bytes = CommandCodec.encode(txn, 1024);

    assertThat(CommandCodec.decode(bytes).ops().getFirst())
        .isEqualTo(new Op.Check("/ns/default", Precondition.modRevision(42)));

    bytes[0] = 1; // the same bytes claiming the version that had no CHECK
    assertThatThrownBy(() -> CommandCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 1 command cannot hold a CHECK");
  }

  @Test
  void truncatedBytesAreRefused() {
    byte[] bytes =
        CommandCodec.encode(Txn.of(new Op.Put("key", new byte[10], Precondition.NONE)), 1024);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> CommandCodec.decode(cut)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyLongerThanLmdbAllowsNamesTheOperation() {
    String longKey = "k".repeat(CommandCodec.MAX_KEY_BYTES + 1);
    Txn txn =
        Txn.of(new Op.Delete("ok", Precondition.NONE), new Op.Delete(longKey, Precondition.NONE));

    assertThatThrownBy(() -> CommandCodec.encode(txn, 1 << 20))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ops[1].key")
        .hasMessageContaining("511 bytes");
  }

  @Test
  void aTooLargeTransactionIs413() {
    Txn txn = Txn.of(new Op.Put("k", new byte[2048], Precondition.NONE));

    assertThatThrownBy(() -> CommandCodec.encode(txn, 1024))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
  }

  @Test
  void tooManyOperationsAre413() {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i <= CommandCodec.MAX_OPS; i++) {
      ops.add(new Op.Delete("k" + i, Precondition.NONE));
    }

    assertThatThrownBy(() -> CommandCodec.encode(new Txn(ops), 1 << 24))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
  }

  @Test
  void resultsSurviveTheNetwork() {
    StoredObject current =
        new StoredObject("/registry/x", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 7, 3);
    TxnResult failed = new TxnResult(12, 1, Optional.of(current));
    TxnResult ok = new TxnResult(13, -1, Optional.empty());

    TxnResult failedBack = ResultCodec.decode(ResultCodec.encode(failed));
    assertThat(failedBack.revision()).isEqualTo(12);
    assertThat(failedBack.failedOp()).isEqualTo(1);
    assertThat(failedBack.current())
        .get()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("/registry/x");
              assertThat(c.value()).isEqualTo(current.value());
              assertThat(c.modRevision()).isEqualTo(7);
              assertThat(c.createRevision()).isEqualTo(3);
            });
    assertThat(ResultCodec.decode(ResultCodec.encode(ok))).isEqualTo(ok);
  }
}
