package dev.nexus.apiserver.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;

/**
 * Reads what representation a client asked for in {@code Accept}. Only the Kubernetes Table ({@code
 * application/json;as=Table;v=v1;g=meta.k8s.io}) differs from plain JSON; anything else gets JSON.
 * Parsed by hand because kubectl's parameters are case- and order-sensitive in ways a generic
 * media-type parser does not preserve.
 */
final class Negotiation {
  private Negotiation() {}

  /** {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1} when a Table is wanted, else null. */
  static String tableVersion(ServerRequest req) {
    String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
    for (String type : accept.split(",")) {
      boolean table = false;
      boolean metaGroup = false;
      String version = null;
      for (String param : type.split(";")) {
        String p = param.strip();
        int eq = p.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = p.substring(eq + 1).strip();
        switch (key) {
          case "as" -> table = value.equals("Table");
          case "g" -> metaGroup = value.equals("meta.k8s.io");
          case "v" -> version = value;
          default -> {}
        }
      }
      if (table && metaGroup && ("v1".equals(version) || "v1beta1".equals(version))) {
        return "meta.k8s.io/" + version;
      }
    }
    return null;
  }

  static String tableContentType(String tableVersion) {
    String v = tableVersion.substring(tableVersion.indexOf('/') + 1);
    return "application/json;as=Table;v=" + v + ";g=meta.k8s.io";
  }
}
