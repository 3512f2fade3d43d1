package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.command.BatchResultCodec;
import java.util.List;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The reply of an applied entry: one {@link TxnResult} per transaction it carried, in order. An
 * in-process caller reads the results directly; only a reply that crosses the network is encoded,
 * lazily, by Ratis calling {@link #getContent()}.
 */
final class ResultMessage implements Message {
  private final List<TxnResult> results;
  private volatile ByteString content;

  ResultMessage(List<TxnResult> results) {
    this.results = List.copyOf(results);
  }

  List<TxnResult> results() {
    return results;
  }

  @Override
  public ByteString getContent() {
    ByteString c = content;
    if (c == null) {
      c = UnsafeByteOperations.unsafeWrap(BatchResultCodec.encode(results));
      content = c;
    }
    return c;
  }

  static List<TxnResult> decode(Message m) {
    return m instanceof ResultMessage r
        ? r.results()
        : BatchResultCodec.decode(m.getContent().toByteArray());
  }

  @Override
  public String toString() {
    return "TxnResults" + results;
  }
}
