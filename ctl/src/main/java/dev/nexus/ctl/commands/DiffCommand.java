package dev.nexus.ctl.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.model.ApiObject;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.Nexusctl;
import dev.nexus.ctl.apply.Applier;
import dev.nexus.ctl.apply.Target;
import dev.nexus.ctl.apply.TargetResolver;
import dev.nexus.ctl.output.ObjectTable;
import dev.nexus.ctl.output.UnifiedDiff;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code nexusctl diff -f ...}: what {@code apply} would change, as a unified diff of the live
 * objects and the objects apply would leave (YAML). Exit code like kubectl's: 0 no differences, 1
 * differences, 2 an error.
 */
@Command(
    name = "diff",
    description = "Show what apply would change (exit 0: none, 1: differences, 2: error).")
public final class DiffCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;
  @Mixin FileOptions files;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    try {
      return diff();
    } catch (RuntimeException e) {
      err().println("error: " + Nexusctl.oneLineMessage(e));
      return 2;
    }
  }

  private int diff() {
    DocumentRunner runner = new DocumentRunner(session(), err());
    Applier applier = new Applier(session().client());
    boolean[] differs = {false};
    runner.each(
        runner.load(files, root().in(), false),
        new TargetResolver(session()),
        target -> {
          Applier.Preview p = applier.preview(target);
          String diff =
              UnifiedDiff.diff(
                  "live/" + path(target),
                  "merged/" + path(target),
                  p.live() == null ? List.of() : lines(p.live()),
                  lines(p.merged()));
          if (!diff.isEmpty()) {
            differs[0] = true;
            out().print(diff);
          }
        });
    if (runner.failures() > 0) {
      return 2;
    }
    return differs[0] ? 1 : 0;
  }

  private static String path(Target t) {
    String kind = ObjectTable.qualifiedKind(t.kind());
    return t.namespace() == null
        ? kind + "/" + t.name()
        : kind + "/" + t.namespace() + "/" + t.name();
  }

  /** The object as YAML lines, without the bookkeeping annotation nobody reads in a diff. */
  private static List<String> lines(ApiObject object) {
    ObjectNode copy = object.node().deepCopy();
    if (copy.get("metadata") instanceof ObjectNode meta) {
      meta.remove("managedFields");
      if (meta.get("annotations") instanceof ObjectNode ann) {
        ann.remove(Applier.LAST_APPLIED);
        if (ann.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
    return Json.toYaml(copy).lines().toList();
  }
}
