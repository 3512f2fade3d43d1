package dev.nexus.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.PrinterColumn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns {@code kubectl get} shows for each built-in kind (besides NAME and AGE, which every
 * kind has): what an operator wants to see first, like Kubernetes' own printers.
 */
final class TableColumns {
  /**
   * One column: header, OpenAPI type ({@code string}, {@code integer}, ...), format, priority,
   * description, and the cell of an object (a Number, a JsonNode, or anything printed as text).
   */
  record Column(
      String name,
      String type,
      String format,
      int priority,
      String description,
      Function<ObjectNode, Object> cell) {
    Column(String name, String type, int priority, Function<ObjectNode, Object> cell) {
      this(name, type, "", priority, name, cell);
    }
  }

  private TableColumns() {}

  static List<Column> forKind(String kind) {
    return switch (kind) {
      case "Namespace" -> List.of(text("Status", o -> o.path("status").path("phase").asText("")));
      case "Node" ->
          List.of(
              text("Status", TableColumns::readyCondition),
              wide("Instance-CIDR", o -> o.path("spec").path("instanceCIDR").asText("<none>")));
      case "Workload" ->
          List.of(
              text(
                  "Ready",
                  o ->
                      o.path("status").path("readyReplicas").asInt(0)
                          + "/"
                          + o.path("spec").path("replicas").asInt(1)), // the default
              integer("Up-to-date", o -> o.path("status").path("updatedReplicas").asLong(0)),
              integer("Available", o -> o.path("status").path("availableReplicas").asLong(0)));
      case "Instance" ->
          List.of(
              text("Status", o -> o.path("status").path("phase").asText("Pending")),
              integer("Restarts", o -> o.path("status").path("restarts").asLong(0)),
              text("Node", o -> orNone(o.path("spec").path("nodeName"))),
              wide("IP", o -> orNone(o.path("status").path("instanceIP"))));
      case "Service" ->
          List.of(
              text("Cluster-IP", TableColumns::clusterIp),
              text("Ports", TableColumns::ports),
              wide("Selector", o -> pairs(o.path("spec").path("selector"))));
      case "Autoscaler" ->
          List.of(
              text(
                  "Reference",
                  o ->
                      o.path("spec").path("targetRef").path("kind").asText("")
                          + "/"
                          + o.path("spec").path("targetRef").path("name").asText("")),
              integer("Min", o -> o.path("spec").path("minReplicas").asLong(1)),
              integer("Max", o -> o.path("spec").path("maxReplicas").asLong(0)),
              integer("Replicas", o -> o.path("status").path("currentReplicas").asLong(0)));
      case "Lease" -> List.of(text("Holder", o -> orNone(o.path("spec").path("holderIdentity"))));
      default -> List.of();
    };
  }

  /**
   * A CRD's {@code additionalPrinterColumns}: numbers and booleans as JSON values, a {@code date}
   * as an age ({@code 5m}, as kubectl prints it), a missing value as {@code <none>}.
   */
  static List<Column> printerColumns(List<PrinterColumn> columns, Clock clock) {
    List<Column> out = new ArrayList<>();
    for (PrinterColumn c : columns) {
      out.add(
          new Column(
              c.name(),
              c.type().equals("date") ? "string" : c.type(),
              c.type().equals("date") ? "date" : "",
              c.priority(),
              c.description(),
              o -> {
                JsonNode v = c.value(o);
                boolean scalar = v.isNumber() || v.isBoolean();
                return scalar && !c.type().equals("string") ? v : c.text(o, clock.instant());
              }));
    }
    return out;
  }

  private static Column text(String name, Function<ObjectNode, Object> cell) {
    return new Column(name, "string", 0, cell);
  }

  private static Column wide(String name, Function<ObjectNode, Object> cell) {
    return new Column(name, "string", 1, cell);
  }

  private static Column integer(String name, Function<ObjectNode, Object> cell) {
    return new Column(name, "integer", 0, cell);
  }

  private static String orNone(JsonNode v) {
    return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? "<none>" : v.asText();
  }

  private static String readyCondition(ObjectNode node) {
    for (JsonNode c : node.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText()) ? "Ready" : "NotReady";
      }
    }
    return "Unknown";
  }

  private static String clusterIp(ObjectNode svc) {
    JsonNode ip = svc.path("status").path("clusterIP");
    return orNone(ip.isMissingNode() ? svc.path("spec").path("clusterIP") : ip);
  }

  private static String ports(ObjectNode svc) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : svc.path("spec").path("ports")) {
      out.add(p.path("port").asText() + "/" + p.path("protocol").asText("TCP"));
    }
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  private static String pairs(JsonNode map) {
    List<String> out = new ArrayList<>();
    map.properties().forEach(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }
}
