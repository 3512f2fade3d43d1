package dev.nexus.ctl.commands;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.output.Table;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nexusctl api-resources}: the kinds the server serves, from discovery. */
@Command(name = "api-resources", description = "List the kinds the server serves.")
public final class ApiResourcesCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--namespaced",
      arity = "1",
      paramLabel = "BOOL",
      description = "Only namespaced (true) or cluster-scoped (false) kinds.")
  Boolean namespaced;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    Table t = new Table(List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"));
    session().allKinds().stream()
        .filter(k -> namespaced == null || k.namespaced() == namespaced)
        .sorted(Comparator.comparing(KindInfo::plural))
        .forEach(
            k ->
                t.add(
                    List.of(
                        k.plural(),
                        String.join(",", k.shortNames()),
                        k.apiVersion(),
                        String.valueOf(k.namespaced()),
                        k.kind())));
    out().print(t.render(true));
    return 0;
  }
}
