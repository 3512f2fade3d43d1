package dev.nexus.ctl.commands;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ListOptions;
import dev.nexus.client.ObjectList;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import dev.nexus.client.WatchOptions;
import dev.nexus.ctl.Session;
import dev.nexus.ctl.output.ObjectTable;
import dev.nexus.ctl.output.OutputFormat;
import dev.nexus.ctl.output.Table;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code get -w}: prints the current objects, then one row (or document) per change from the list's
 * revision on, so nothing between the two is missed. Runs until the watch ends or the thread is
 * interrupted (Ctrl-C ends the process).
 */
final class WatchPrinter {
  private final Session session;
  private final KindInfo kind;
  private final String namespace;
  private final OutputFormat format;
  private final ObjectTable shape;
  private final PrintStream out;
  private final PrintStream err;
  private int[] widths;
  private boolean printedAny;

  WatchPrinter(
      Session session,
      KindInfo kind,
      String namespace,
      OutputFormat format,
      ObjectTable shape,
      PrintStream out,
      PrintStream err) {
    this.session = session;
    this.kind = kind;
    this.namespace = namespace;
    this.format = format;
    this.shape = shape;
    this.out = out;
    this.err = err;
  }

  int run(List<String> names, String labelSelector, String fieldSelector, boolean watchOnly)
      throws InterruptedException {
    if (names.size() > 1) {
      throw new IllegalArgumentException("-w: watch one NAME or a whole kind, not several names");
    }
    String name = names.isEmpty() ? null : names.get(0);
    String fields = fieldSelector;
    if (name != null) {
      String byName = "metadata.name=" + name;
      fields = fields == null ? byName : fields + "," + byName;
    }
    ObjectList list =
        session
            .client()
            .listAll(kind, namespace, new ListOptions(labelSelector, fields, null, null));
    Table initial = shape.table(watchOnly ? List.of() : list.items());
    widths = initial.widths();
    if (!watchOnly) {
      if (list.items().isEmpty()) {
        err.println(GetCommand.noResources(kind, namespace));
      } else {
        list.items().forEach(this::print);
      }
    }
    CompletableFuture<Exception> ended = new CompletableFuture<>();
    WatchOptions options =
        new WatchOptions(list.resourceVersion(), labelSelector, fieldSelector, name);
    try (Watch w =
        session
            .client()
            .watch(
                kind,
                namespace,
                options,
                new WatchListener() {
                  @Override
                  public void onEvent(WatchEvent event) {
                    if (event.type() != WatchEvent.Type.BOOKMARK) {
                      print(event.object());
                    }
                  }

                  @Override
                  public void onClose(Exception error) {
                    ended.complete(error);
                  }
                })) {
      Exception error = ended.get();
      if (error != null) {
        throw error instanceof RuntimeException re ? re : new IllegalStateException(error);
      }
      return 0;
    } catch (InterruptedException e) {
      // Being stopped is how a watch normally ends.
      return 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private synchronized void print(ApiObject object) {
    switch (format) {
      case TABLE, WIDE -> {
        if (!printedAny) {
          out.println(Table.line(shape.headers(), widths));
        }
        out.println(Table.line(shape.row(object), widths));
      }
      case YAML -> out.print((printedAny ? "---\n" : "") + format.document(kind, object));
      default -> out.print(format.document(kind, object));
    }
    printedAny = true;
    out.flush();
  }
}
