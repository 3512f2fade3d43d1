package dev.nexus.apiserver.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * What a request turned out to be (verb and kind), filled in by the handler that serves it and read
 * by {@link RequestLog} for metrics and the request log line.
 */
final class RequestInfo {
  private volatile String verb = "other";
  private volatile String kind = "";

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

  String verb() {
    return verb;
  }

  String kind() {
    return kind;
  }
}
