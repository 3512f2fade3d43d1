package dev.nexus.ctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.crd.PrinterColumn;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.Age;
import dev.nexus.api.model.ApiObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns {@code nexusctl get} shows per kind, after NAME and before AGE: what a user checks
 * first (is it ready, where does it run, what address). Unknown kinds show NAME and AGE only.
 */
public final class KindColumns {
  private KindColumns() {}

  /**
   * The columns of a custom kind: NAME, the CRD's printer columns of priority 0, AGE, then the
   * others as wide columns (as kubectl shows them).
   */
  public static List<Column> of(KindInfo kind, Instant now, List<PrinterColumn> printer) {
    if (printer.isEmpty()) {
      return of(kind, now);
    }
    List<Column> cols = new ArrayList<>();
    cols.add(Column.of("NAME", ApiObject::name));
    for (PrinterColumn c : printer) {
      if (c.priority() == 0) {
        cols.add(Column.of(header(c), o -> c.text(o.node(), now)));
      }
    }
    cols.add(Column.of("AGE", o -> Age.since(o.creationTimestamp(), now)));
    for (PrinterColumn c : printer) {
      if (c.priority() > 0) {
        cols.add(Column.wide(header(c), o -> c.text(o.node(), now)));
      }
    }
    return cols;
  }

  private static String header(PrinterColumn c) {
    return c.name().toUpperCase(java.util.Locale.ROOT).replace(' ', '-');
  }

  /** Every column for {@code kind} including NAME first and AGE last (wide ones flagged). */
  public static List<Column> of(KindInfo kind, Instant now) {
    boolean builtin = kind.group().equals("nexus.dev");
    if (builtin && kind.kind().equals("Event")) {
      return events(now);
    }
    List<Column> cols = new ArrayList<>();
    cols.add(Column.of("NAME", ApiObject::name));
    if (builtin) {
      cols.addAll(specific(kind.kind()));
    }
    cols.add(Column.of("AGE", o -> Age.since(o.creationTimestamp(), now)));
    if (builtin) {
      cols.addAll(wide(kind.kind()));
    }
    return cols;
  }

  private static List<Column> specific(String kind) {
    return switch (kind) {
      case "Workload" ->
          List.of(
              Column.of(
                  "READY",
                  // spec.replicas defaults to 1: a Workload without it wants one Instance
                  o ->
                      num(o, "status.readyReplicas")
                          + "/"
                          + Fields.text(o.node(), "spec.replicas", "1")),
              Column.of("UP-TO-DATE", o -> num(o, "status.updatedReplicas")),
              Column.of("AVAILABLE", o -> num(o, "status.availableReplicas")));
      case "Instance" ->
          List.of(
              Column.of("STATUS", KindColumns::instanceStatus),
              Column.of("NODE", o -> Fields.text(o.node(), "spec.nodeName", Fields.NONE)));
      case "Service" ->
          List.of(
              Column.of("CLUSTER-IP", KindColumns::clusterIp),
              Column.of("PORTS", KindColumns::servicePorts));
      case "ServiceEndpoints" -> List.of(Column.of("ENDPOINTS", KindColumns::endpoints));
      case "Namespace" -> List.of(Column.of("STATUS", KindColumns::namespaceStatus));
      case "Node" -> List.of(Column.of("STATUS", KindColumns::nodeStatus));
      case "Policy" -> List.of(Column.of("TYPES", KindColumns::policyTypes));
      case "Autoscaler" ->
          List.of(
              Column.of(
                  "TARGET",
                  o ->
                      Fields.text(o.node(), "spec.targetRef.kind", "?")
                          + "/"
                          + Fields.text(o.node(), "spec.targetRef.name", "?")),
              Column.of("MIN", o -> Fields.text(o.node(), "spec.minReplicas", "1")),
              Column.of("MAX", o -> Fields.text(o.node(), "spec.maxReplicas", "?")),
              Column.of("REPLICAS", o -> num(o, "status.currentReplicas")));
      case "Lease" ->
          List.of(
              Column.of("HOLDER", o -> Fields.text(o.node(), "spec.holderIdentity", Fields.NONE)));
      default -> List.of();
    };
  }

  private static List<Column> wide(String kind) {
    return switch (kind) {
      case "Workload" ->
          List.of(
              Column.wide(
                  "RUNTIME", o -> Fields.text(o.node(), "spec.template.spec.runtime", Fields.NONE)),
              Column.wide("IMAGE", o -> image(o.node().path("spec").path("template"))),
              Column.wide("SELECTOR", o -> Fields.map(o.node(), "spec.selector.matchLabels")));
      case "Instance" ->
          List.of(
              Column.wide("IP", o -> Fields.text(o.node(), "status.instanceIP", Fields.NONE)),
              Column.wide("RESTARTS", o -> num(o, "status.restarts")),
              Column.wide("RUNTIME", o -> Fields.text(o.node(), "spec.runtime", Fields.NONE)),
              Column.wide("IMAGE", o -> image(o.node())));
      case "Service" ->
          List.of(Column.wide("SELECTOR", o -> Fields.map(o.node(), "spec.selector")));
      case "Node" ->
          List.of(
              Column.wide("INTERNAL-IP", KindColumns::nodeAddress),
              Column.wide("RUNTIMES", o -> names(o.node().path("status").path("runtimes"))));
      default -> List.of();
    };
  }

  private static List<Column> events(Instant now) {
    return List.of(
        Column.of(
            "LAST SEEN",
            o ->
                Age.since(
                    Fields.text(
                        o.node(), "lastTimestamp", Fields.text(o.node(), "firstTimestamp", null)),
                    now)),
        Column.of("TYPE", o -> Fields.text(o.node(), "type", "Normal")),
        Column.of("REASON", o -> Fields.text(o.node(), "reason", "")),
        Column.of(
            "OBJECT",
            o ->
                Fields.text(o.node(), "involvedObject.kind", "?").toLowerCase(java.util.Locale.ROOT)
                    + "/"
                    + Fields.text(o.node(), "involvedObject.name", "?")),
        Column.of("MESSAGE", o -> Fields.text(o.node(), "message", "")));
  }

  private static String num(ApiObject o, String path) {
    return Fields.text(o.node(), path, "0");
  }

  private static String instanceStatus(ApiObject o) {
    if (o.deletionTimestamp() != null) {
      return "Terminating";
    }
    String reason = Fields.text(o.node(), "status.reason", null);
    String phase = Fields.text(o.node(), "status.phase", "Pending");
    return reason != null && !phase.equals("Running") ? reason : phase;
  }

  private static String namespaceStatus(ApiObject o) {
    return o.deletionTimestamp() != null
        ? "Terminating"
        : Fields.text(o.node(), "status.phase", "Active");
  }

  private static String nodeStatus(ApiObject o) {
    String status = "Unknown";
    for (JsonNode c : o.node().path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
      }
    }
    if (o.node().path("spec").path("unschedulable").asBoolean(false)) {
      status += ",SchedulingDisabled";
    }
    return status;
  }

  private static String nodeAddress(ApiObject o) {
    for (JsonNode a : o.node().path("status").path("addresses")) {
      if (a.path("type").asText().equals("InternalIP")) {
        return a.path("address").asText();
      }
    }
    return Fields.NONE;
  }

  private static String clusterIp(ApiObject o) {
    return Fields.text(
        o.node(), "spec.clusterIP", Fields.text(o.node(), "status.clusterIP", Fields.NONE));
  }

  private static String servicePorts(ApiObject o) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : o.node().path("spec").path("ports")) {
      out.add(p.path("port").asText() + "/" + p.path("protocol").asText("TCP"));
    }
    return out.isEmpty() ? Fields.NONE : String.join(",", out);
  }

  private static String endpoints(ApiObject o) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : o.node().path("spec").path("endpoints")) {
      if (!e.path("ready").asBoolean(true)) {
        continue;
      }
      JsonNode ports = e.path("ports");
      String addr = e.path("address").asText();
      out.add(ports.isEmpty() ? addr : addr + ":" + ports.get(0).path("port").asText());
    }
    if (out.isEmpty()) {
      return Fields.NONE;
    }
    return out.size() <= 3
        ? String.join(",", out)
        : String.join(",", out.subList(0, 3)) + " + " + (out.size() - 3) + " more...";
  }

  private static String policyTypes(ApiObject o) {
    List<String> out = new ArrayList<>();
    for (String t : List.of("network", "traffic", "placement")) {
      if (o.node().path("spec").has(t)) {
        out.add(t);
      }
    }
    return out.isEmpty() ? Fields.NONE : String.join(",", out);
  }

  private static String image(JsonNode withSpec) {
    JsonNode spec = withSpec.path("spec");
    if (spec.hasNonNull("image")) {
      return spec.get("image").asText();
    }
    String command = Fields.list(spec, "command");
    return command.equals(Fields.NONE) ? Fields.NONE : command.replace(',', ' ');
  }

  private static String names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(r -> out.add(r.path("name").asText()));
    return out.isEmpty() ? Fields.NONE : String.join(",", out);
  }
}
