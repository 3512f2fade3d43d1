package dev.nexus.apiserver.storage.raft;

import dev.nexus.apiserver.storage.TxnResult;
import dev.nexus.apiserver.storage.command.ResultCodec;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The reply of an applied entry. An in-process caller reads the {@link TxnResult} directly; only a
 * reply that crosses the network is encoded, lazily, by Ratis calling {@link #getContent()}.
 */
final class ResultMessage implements Message {
  private final TxnResult result;
  private volatile ByteString content;

  ResultMessage(TxnResult result) {
    this.result = result;
  }

  TxnResult result() {
    return result;
  }

  @Override
  public ByteString getContent() {
    ByteString c = content;
    if (c == null) {
      c = UnsafeByteOperations.unsafeWrap(ResultCodec.encode(result));
      content = c;
    }
    return c;
  }

  static TxnResult decode(Message m) {
    return m instanceof ResultMessage r
        ? r.result()
        : ResultCodec.decode(m.getContent().toByteArray());
  }

  @Override
  public String toString() {
    return "TxnResult" + result;
  }
}
