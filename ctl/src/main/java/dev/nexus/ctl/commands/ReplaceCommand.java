package dev.nexus.ctl.commands;

import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.apply.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code nexusctl replace -f ...}: replace objects with manifests. A manifest carrying {@code
 * metadata.resourceVersion} replaces only that version (409 Conflict when the object changed).
 */
@Command(
    name = "replace",
    description = "Replace objects with manifests (conditional on metadata.resourceVersion).")
public final class ReplaceCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;
  @Mixin FileOptions files;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    DocumentRunner runner = new DocumentRunner(session(), err());
    runner.each(
        runner.load(files, root().in(), false),
        new TargetResolver(session()),
        target -> {
          session().client().replace(target.kind(), target.object());
          out().println(target.qualifiedName() + " replaced");
        });
    return runner.failures() == 0 ? 0 : 1;
  }
}
