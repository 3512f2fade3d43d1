package dev.nexus.ctl.commands;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConnectionException;
import dev.nexus.client.ListOptions;
import dev.nexus.ctl.ConnectionOptions;
import dev.nexus.ctl.Nexusctl;
import dev.nexus.ctl.output.Describer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nexusctl describe KIND [NAME...]}: a readable page per object, with its events. */
@Command(name = "describe", description = "Show objects in detail, with conditions and events.")
public final class DescribeCommand extends CtlCommand {
  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "KIND")
  String kindName;

  @Parameters(index = "1..*", paramLabel = "NAME", description = "Names (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Describe matching objects of every namespace (without NAMEs).")
  boolean allNamespaces;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SEL",
      description = "Label selector (without NAMEs).")
  String labelSelector;

  @Override
  protected ConnectionOptions connection() {
    return connection;
  }

  @Override
  public Integer call() {
    String typed = kindName;
    if (kindName.contains("/")) {
      typed = kindName.substring(0, kindName.indexOf('/'));
      names.add(0, kindName.substring(kindName.indexOf('/') + 1));
    }
    KindInfo kind = session().kind(typed);
    String namespace = kind.namespaced() ? session().namespace() : null;
    if (allNamespaces && !names.isEmpty()) {
      throw new IllegalArgumentException(
          "describe: -A lists every namespace; give no NAMEs with it");
    }
    List<ApiObject> objects = new ArrayList<>();
    int failures = 0;
    if (names.isEmpty()) {
      String where = allNamespaces ? null : namespace;
      objects.addAll(
          session().client().listAll(kind, where, ListOptions.labels(labelSelector)).items());
      if (objects.isEmpty()) {
        err().println(GetCommand.noResources(kind, namespace));
      }
    }
    for (String name : names) {
      try {
        objects.add(session().client().get(kind, namespace, name));
      } catch (ConnectionException e) {
        throw e;
      } catch (ApiException e) {
        err().println("error: " + Nexusctl.oneLineMessage(e));
        failures++;
      }
    }
    Instant now = Instant.now();
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        out().println();
      }
      ApiObject o = objects.get(i);
      out().print(Describer.describe(kind, o, events(o), now));
    }
    return failures == 0 ? 0 : 1;
  }

  /** The events about {@code o}, oldest first; none when the server keeps no events. */
  private List<ApiObject> events(ApiObject o) {
    Optional<KindInfo> eventKind =
        session().kinds().forManifest(dev.nexus.api.kinds.BuiltinKinds.API_VERSION, "Event");
    if (eventKind.isEmpty()) {
      return List.of();
    }
    List<ApiObject> all;
    try {
      all =
          session()
              .client()
              .listAll(
                  eventKind.get(),
                  o.namespace(),
                  ListOptions.fields("involvedObject.name=" + o.name()))
              .items();
    } catch (ConnectionException e) {
      throw e;
    } catch (ApiException e) {
      if (e.code() != 400) {
        throw e;
      }
      // This server cannot select events by involved object: filter them here instead.
      all = session().client().listAll(eventKind.get(), o.namespace(), null).items();
    }
    return all.stream()
        .filter(e -> about(e, o))
        .sorted(Comparator.comparing(e -> e.node().path("lastTimestamp").asText("")))
        .toList();
  }

  private static boolean about(ApiObject event, ApiObject o) {
    var involved = event.node().path("involvedObject");
    if (!involved.path("name").asText().equals(o.name())) {
      return false;
    }
    if (!involved.path("kind").asText(o.kind()).equals(o.kind())) {
      return false;
    }
    String uid = involved.path("uid").asText("");
    return uid.isEmpty() || o.uid() == null || uid.equals(o.uid());
  }
}
