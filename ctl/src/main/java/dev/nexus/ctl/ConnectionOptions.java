package dev.nexus.ctl;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command connects and which namespace it works in. Mixed into the root command and into
 * every command that talks to a server, so they may be given before or after the subcommand.
 */
public final class ConnectionOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Client config file (default: $NEXUS_CONFIG or ~/.nexus/config).")
  Path config;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Context of the config file to use (default: its current context).")
  String context;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "API server URL, overriding the context's (e.g. http://127.0.0.1:7420).")
  String server;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace (default: the context's, else `default`).")
  String namespace;

  /** These options with blanks filled from {@code outer} (the root command's). */
  ConnectionOptions orElse(ConnectionOptions outer) {
    ConnectionOptions o = new ConnectionOptions();
    o.config = config != null ? config : outer.config;
    o.context = context != null ? context : outer.context;
    o.server = server != null ? server : outer.server;
    o.namespace = namespace != null ? namespace : outer.namespace;
    return o;
  }

  Session session() {
    return new Session(config, context, server, namespace);
  }
}
