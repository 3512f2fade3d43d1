package dev.nexus.ctl.commands;

import dev.nexus.api.codec.Document;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.apply.Applier;
import dev.nexus.ctl.apply.TargetResolver;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nexusctl apply -f ...}: create or update objects to match manifests. */
@Command(
    name = "apply",
    description =
        "Create or update objects to match manifests (fields removed from a manifest"
            + " are removed; fields it never set are kept).")
public final class ApplyCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;
  @Mixin FileOptions files;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    DocumentRunner runner = new DocumentRunner(session(), err());
    List<Document> docs = runner.load(files, root().in(), false);
    TargetResolver resolver = new TargetResolver(session());
    Applier applier = new Applier(session().client());
    runner.each(
        docs,
        resolver,
        target -> {
          Applier.Result result = applier.apply(target);
          out().println(target.qualifiedName() + " " + result.word());
          if (target.kind().kind().equals("CustomResourceDefinition")) {
            resolver.kindsMayHaveChanged();
          }
        });
    return runner.failures() == 0 ? 0 : 1;
  }
}
