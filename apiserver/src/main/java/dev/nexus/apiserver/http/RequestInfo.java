package dev.nexus.apiserver.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * What a request turned out to be (verb and kind), filled in by the handler that serves it and read
 * by {@link RequestLog} for metrics and the request log line.
 */
final class RequestInfo {
  private volatile String verb = "other";
  private volatile String kind = "";
  private volatile int streamedCode;

  static RequestInfo of(ServerRequest req) {
    return req.context().get(RequestInfo.class).orElseGet(RequestInfo::new);
  }

  void set(String verb, String kind) {
    this.verb = verb;
    this.kind = kind;
  }

  void verb(String verb) {
    this.verb = verb;
  }

  void kind(String kind) {
    this.kind = kind;
  }

  /**
   * A streaming response (watch) records its status once headers are out: whatever happens to the
   * connection afterwards, that is what the client got.
   */
  void streamed(int code) {
    this.streamedCode = code;
  }

  int code(int fallback) {
    return streamedCode != 0 ? streamedCode : fallback;
  }

  String verb() {
    return verb;
  }

  String kind() {
    return kind;
  }
}
