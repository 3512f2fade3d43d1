package dev.nexus.apiserver.http;

import dev.nexus.api.error.ApiException;
import dev.nexus.apiserver.registry.ListOptions;
import dev.nexus.apiserver.registry.WatchOptions;
import dev.nexus.apiserver.storage.Consistency;
import io.helidon.common.uri.UriQuery;
import java.time.Duration;

/**
 * The query parameters of list, watch and delete requests, validated: a known parameter with a bad
 * value is a 400 naming the parameter and what it must be. Unknown parameters are ignored, as
 * Kubernetes does (kubectl sends several, e.g. {@code fieldManager}).
 */
final class QueryParams {
  private final UriQuery query;

  QueryParams(UriQuery query) {
    this.query = query;
  }

  String text(String name) {
    return query.contains(name) ? query.get(name) : null;
  }

  boolean watch() {
    return bool("watch");
  }

  boolean bool(String name) {
    String v = text(name);
    if (v == null || v.isEmpty()) {
      return false;
    }
    return switch (v) {
      case "true", "1", "True", "TRUE" -> true;
      case "false", "0", "False", "FALSE" -> false;
      default ->
          throw ApiException.badRequest(
              name + ": \"" + v + "\" is not a boolean (true, false, 1 or 0)");
    };
  }

  /** {@code resourceVersion}: absent, or a non-negative decimal. */
  Long resourceVersion() {
    String v = text("resourceVersion");
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.matches("[0-9]{1,19}")) {
      throw ApiException.badRequest(
          "resourceVersion: \""
              + v
              + "\" is not a valid resource version: it must be a non-negative integer taken from"
              + " metadata.resourceVersion");
    }
    return Long.parseLong(v);
  }

  int limit() {
    String v = text("limit");
    if (v == null || v.isEmpty()) {
      return 0;
    }
    if (!v.matches("[0-9]{1,9}")) {
      throw ApiException.badRequest(
          "limit: \"" + v + "\" is not valid: it must be a non-negative integer (0 for no limit)");
    }
    return Integer.parseInt(v);
  }

  /** {@code timeoutSeconds} as a duration, or null when absent. */
  Duration timeout() {
    String v = text("timeoutSeconds");
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!v.matches("[0-9]{1,9}")) {
      throw ApiException.badRequest(
          "timeoutSeconds: \"" + v + "\" is not valid: it must be a non-negative integer");
    }
    return Duration.ofSeconds(Long.parseLong(v));
  }

  void checkResourceVersionMatch() {
    String v = text("resourceVersionMatch");
    if (v == null || v.isEmpty() || v.equals("NotOlderThan")) {
      return;
    }
    if (v.equals("Exact")) {
      throw ApiException.badRequest(
          "resourceVersionMatch: Exact is not supported (lists are served at the latest"
              + " revision); use NotOlderThan or leave it out");
    }
    throw ApiException.badRequest(
        "resourceVersionMatch: \"" + v + "\" is not one of NotOlderThan, Exact");
  }

  void checkDryRun() {
    String v = text("dryRun");
    if (v != null && !v.isEmpty()) {
      throw ApiException.badRequest("dryRun: server-side dry run is not supported");
    }
  }

  ListOptions listOptions() {
    checkResourceVersionMatch();
    Long rv = resourceVersion();
    return new ListOptions(
        text("labelSelector"),
        text("fieldSelector"),
        limit(),
        text("continue"),
        rv != null && rv == 0 ? Consistency.LOCAL : Consistency.LINEARIZABLE);
  }

  WatchOptions watchOptions(int queueCapacity) {
    checkResourceVersionMatch();
    timeout();
    bool("allowWatchBookmarks");
    return new WatchOptions(
        text("labelSelector"),
        text("fieldSelector"),
        resourceVersion(),
        bool("sendInitialEvents"),
        queueCapacity);
  }
}
