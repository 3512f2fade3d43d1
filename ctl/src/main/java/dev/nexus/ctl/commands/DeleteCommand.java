package dev.nexus.ctl.commands;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConnectionException;
import dev.nexus.client.DeleteOptions;
import dev.nexus.client.ListOptions;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.Nexusctl;
import dev.nexus.ctl.apply.TargetResolver;
import dev.nexus.ctl.output.ObjectTable;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nexusctl delete}: by {@code KIND NAME...}, by {@code -f} manifests, or by {@code KIND -l
 * SELECTOR} / {@code --all}. Objects with finalizers are marked for deletion and go once their
 * finalizers are done.
 */
@Command(
    name = "delete",
    description = "Delete objects by name, by manifest (-f) or by label selector (-l).")
public final class DeleteCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;
  @Mixin FileOptions files;

  @Parameters(paramLabel = "KIND [NAME...]", description = "Kind then names.")
  List<String> args = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SEL",
      description = "Delete every object of KIND whose labels match.")
  String labelSelector;

  @Option(names = "--all", description = "Delete every object of KIND in the namespace.")
  boolean all;

  @Option(names = "--ignore-not-found", description = "A missing object is not an error.")
  boolean ignoreNotFound;

  @Option(
      names = "--cascade",
      paramLabel = "POLICY",
      description = "background, foreground or orphan (default: the server's).")
  String cascade;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    DeleteOptions options = new DeleteOptions(policy());
    if (!files.files.isEmpty()) {
      if (!args.isEmpty() || labelSelector != null || all) {
        throw new IllegalArgumentException("delete: use either -f or KIND [NAME...], not both");
      }
      DocumentRunner runner = new DocumentRunner(session(), err());
      runner.each(
          runner.load(files, root().in(), true),
          new TargetResolver(session()),
          t -> delete(t.kind(), t.namespace(), t.name(), options));
      return runner.failures() == 0 ? 0 : 1;
    }
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "delete: name a KIND and NAMEs, a KIND with -l or --all, or -f FILE");
    }
    KindInfo kind = session().kind(args.get(0));
    String namespace = kind.namespaced() ? session().namespace() : null;
    List<String> names = new ArrayList<>(args.subList(1, args.size()));
    if (labelSelector != null || all) {
      if (!names.isEmpty()) {
        throw new IllegalArgumentException("delete: give NAMEs or -l/--all, not both");
      }
      List<ApiObject> matched =
          session()
              .client()
              .listAll(kind, namespace, ListOptions.labels(all ? null : labelSelector))
              .items();
      if (matched.isEmpty()) {
        err().println(GetCommand.noResources(kind, namespace));
      }
      matched.forEach(o -> names.add(o.name()));
    } else if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "delete " + args.get(0) + ": name the objects, or use -l SELECTOR or --all");
    }
    int failures = 0;
    for (String name : names) {
      try {
        delete(kind, namespace, name, options);
      } catch (ConnectionException e) {
        throw e;
      } catch (ApiException e) {
        err().println("error: " + Nexusctl.oneLineMessage(e));
        failures++;
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private void delete(KindInfo kind, String namespace, String name, DeleteOptions options) {
    String quoted = ObjectTable.qualifiedKind(kind) + " \"" + name + "\"";
    try {
      var pending = session().client().delete(kind, namespace, name, options);
      boolean waiting = pending.isPresent() && !pending.get().finalizers().isEmpty();
      out()
          .println(
              quoted + (waiting ? " marked for deletion (waiting on finalizers)" : " deleted"));
    } catch (ApiException e) {
      if (e.code() == 404 && ignoreNotFound && !(e instanceof ConnectionException)) {
        return;
      }
      throw e;
    }
  }

  private String policy() {
    if (cascade == null) {
      return null;
    }
    return switch (cascade.toLowerCase(java.util.Locale.ROOT)) {
      case "background" -> "Background";
      case "foreground" -> "Foreground";
      case "orphan" -> "Orphan";
      default ->
          throw new IllegalArgumentException(
              "--cascade: unknown policy \""
                  + cascade
                  + "\" (use background, foreground or orphan)");
    };
  }
}
