package dev.nexus.ctl.commands;

import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.apply.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nexusctl create -f ...}: create objects; an existing one is an error. */
@Command(name = "create", description = "Create objects from manifests (fails if they exist).")
public final class CreateCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;
  @Mixin FileOptions files;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    DocumentRunner runner = new DocumentRunner(session(), err());
    TargetResolver resolver = new TargetResolver(session());
    runner.each(
        runner.load(files, root().in(), false),
        resolver,
        target -> {
          session().client().create(target.kind(), target.object());
          out().println(target.qualifiedName() + " created");
          if (target.kind().kind().equals("CustomResourceDefinition")) {
            resolver.kindsMayHaveChanged();
          }
        });
    return runner.failures() == 0 ? 0 : 1;
  }
}
