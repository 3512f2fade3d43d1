package dev.nexus.ctl.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.ctl.ClientVersion;
import dev.nexus.ctl.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nexusctl version}: the client's version and the server's {@code /version}. */
@Command(name = "version", description = "Print the client and server versions.")
public final class VersionCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;

  @Option(names = "--client", description = "Print the client version only (no server needed).")
  boolean clientOnly;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    out().println("Client Version: " + ClientVersion.get());
    if (clientOnly) {
      return 0;
    }
    JsonNode v = session().client().version();
    String server =
        v.hasNonNull("gitVersion")
            ? v.get("gitVersion").asText()
            : v.hasNonNull("version") ? v.get("version").asText() : v.toString();
    out().println("Server Version: " + server);
    return 0;
  }
}
