package dev.nexus.ctl.commands;

import dev.nexus.api.codec.Json;
import dev.nexus.client.ClientConfig;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.output.Table;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nexusctl config ...}: reads and edits the client config file; no server involved. */
@Command(
    name = "config",
    description = "Show or edit the client config file (contexts).",
    subcommands = {
      ConfigCommand.View.class,
      ConfigCommand.GetContexts.class,
      ConfigCommand.CurrentContext.class,
      ConfigCommand.UseContext.class,
      ConfigCommand.SetContext.class,
      ConfigCommand.DeleteContext.class
    })
public final class ConfigCommand extends CtlCommand {
  @Override
  protected ConnectionOptions connection() {
    return null;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return 0;
  }

  /** Base of the config subcommands: the file they read and write. */
  abstract static class FileCommand extends CtlCommand {
    @Option(names = "--config", paramLabel = "FILE", description = "Client config file.")
    Path config;

    @Override
    protected ConnectionOptions connection() {
      return null;
    }

    Path path() {
      return config != null ? config : session().configPath();
    }

    ClientConfig load() {
      return ClientConfig.load(path());
    }
  }

  @Command(name = "view", description = "Print the config file.")
  static final class View extends FileCommand {
    @Override
    public Integer call() {
      out().print(Json.toYaml(load()));
      return 0;
    }
  }

  @Command(name = "get-contexts", description = "List the contexts.")
  static final class GetContexts extends FileCommand {
    @Override
    public Integer call() {
      ClientConfig c = load();
      Table t = new Table(List.of("CURRENT", "NAME", "SERVER", "NAMESPACE"));
      for (ClientConfig.Context ctx : c.contexts()) {
        t.add(
            List.of(
                ctx.name().equals(c.currentContext()) ? "*" : "",
                ctx.name(),
                ctx.server() == null ? "" : ctx.server(),
                ctx.namespaceOrDefault()));
      }
      out().print(t.render(true));
      return 0;
    }
  }

  @Command(name = "current-context", description = "Print the current context's name.")
  static final class CurrentContext extends FileCommand {
    @Override
    public Integer call() {
      out().println(load().current().name());
      return 0;
    }
  }

  @Command(name = "use-context", description = "Make a context the current one.")
  static final class UseContext extends FileCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      load().withCurrentContext(name).save(path());
      out().println("Switched to context \"" + name + "\".");
      return 0;
    }
  }

  @Command(
      name = "set-context",
      description = "Create or change a context (the first one becomes current).")
  static final class SetContext extends FileCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--server",
        paramLabel = "URL[,URL...]",
        description =
            "API server URL; for a cluster, every member's URL, comma-separated (tried in"
                + " order when one cannot be reached).")
    String server;

    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        description = "Default namespace.")
    String namespace;

    @Override
    public Integer call() {
      ClientConfig c = load();
      var existing = c.find(name);
      String url =
          server != null ? server : existing.map(ClientConfig.Context::server).orElse(null);
      if (url == null) {
        throw new IllegalArgumentException(
            "context \"" + name + "\" is new: --server URL is required");
      }
      String ns =
          namespace != null
              ? namespace
              : existing.map(ClientConfig.Context::namespace).orElse(null);
      List<String> urls =
          server != null
              ? List.of(server.split(",")).stream().map(String::strip).toList()
              : existing.map(ClientConfig.Context::allServers).orElse(List.of(url));
      ClientConfig updated =
          c.withContext(
              new ClientConfig.Context(name, urls.getFirst(), ns, urls.subList(1, urls.size())));
      if (updated.currentContext() == null) {
        updated = updated.withCurrentContext(name);
      }
      updated.save(path());
      out()
          .println(
              "Context \"" + name + "\" " + (existing.isPresent() ? "modified" : "created") + ".");
      return 0;
    }
  }

  @Command(name = "delete-context", description = "Remove a context.")
  static final class DeleteContext extends FileCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      load().withoutContext(name).save(path());
      out().println("Deleted context \"" + name + "\".");
      return 0;
    }
  }
}
