package dev.nexus.ctl.commands;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.ObjectList;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.output.ObjectTable;
import dev.nexus.ctl.output.OutputFormat;
import dev.nexus.ctl.output.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nexusctl get KIND [NAME...]}: objects as a table or documents, optionally watched. */
@Command(name = "get", description = "Show objects of one kind, by name or by selector.")
public final class GetCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "KIND", description = "Kind, plural or short name (wl).")
  String kindName;

  @Parameters(index = "1..*", paramLabel = "NAME", description = "Object names (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List across all namespaces.")
  boolean allNamespaces;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SEL",
      description = "Label selector.")
  String labelSelector;

  @Option(names = "--field-selector", paramLabel = "SEL", description = "Field selector.")
  String fieldSelector;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), wide, yaml, json or name.")
  String output;

  @Option(
      names = {"-w", "--watch"},
      description = "After listing, print changes as they happen.")
  boolean watch;

  @Option(names = "--watch-only", description = "Print changes only, not the current objects.")
  boolean watchOnly;

  @Option(names = "--show-labels", description = "Add a LABELS column.")
  boolean showLabels;

  @Option(names = "--ignore-not-found", description = "A missing NAME is not an error.")
  boolean ignoreNotFound;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() throws InterruptedException {
    OutputFormat format = OutputFormat.parse(output);
    String typed = kindName;
    if (kindName.contains("/")) {
      typed = kindName.substring(0, kindName.indexOf('/'));
      names.add(0, kindName.substring(kindName.indexOf('/') + 1));
    }
    KindInfo kind = session().kind(typed);
    String namespace = kind.namespaced() && !allNamespaces ? session().namespace() : null;
    boolean multiNamespace = allNamespaces && kind.namespaced();
    ObjectTable shape =
        new ObjectTable(
            kind,
            format.isTable() ? session().printerColumns(kind) : List.of(),
            format == OutputFormat.WIDE,
            multiNamespace,
            showLabels,
            Instant.now());
    if (watch || watchOnly) {
      return new WatchPrinter(session(), kind, namespace, format, shape, out(), err())
          .run(names, labelSelector, fieldSelector, watchOnly);
    }

    List<ApiObject> objects = new ArrayList<>();
    String revision = null;
    int failures = 0;
    if (names.isEmpty()) {
      ObjectList list =
          session()
              .client()
              .listAll(kind, namespace, new ListOptions(labelSelector, fieldSelector, null, null));
      objects.addAll(list.items());
      revision = list.resourceVersion();
    } else {
      String ns = kind.namespaced() ? session().namespace() : null;
      for (String name : names) {
        try {
          objects.add(session().client().get(kind, ns, name));
        } catch (ApiException e) {
          if (e.code() == 404 && ignoreNotFound) {
            continue;
          }
          if (e instanceof dev.nexus.client.ConnectionException) {
            throw e;
          }
          err().println("error: " + e.getMessage());
          failures++;
        }
      }
    }
    print(kind, namespace, format, shape, objects, revision);
    return failures == 0 ? 0 : 1;
  }

  private void print(
      KindInfo kind,
      String namespace,
      OutputFormat format,
      ObjectTable shape,
      List<ApiObject> objects,
      String revision) {
    if (objects.isEmpty()) {
      if (names.isEmpty()) {
        err().println(noResources(kind, namespace));
      }
      return;
    }
    if (format.isTable()) {
      Table t = shape.table(objects);
      out().print(t.render(true));
    } else if (objects.size() == 1 && names.size() == 1) {
      out().print(format.document(kind, objects.get(0)));
    } else {
      out().print(format.documents(kind, objects, revision));
    }
  }

  static String noResources(KindInfo kind, String namespace) {
    return kind.namespaced() && namespace != null
        ? "No resources found in " + namespace + " namespace."
        : "No resources found";
  }
}
