package dev.nexus.client.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.api.selector.LabelSelector;
import dev.nexus.client.TypedKind;

/** A Workload: {@code spec.replicas} Instances of {@link #template()}, rolled out by strategy. */
public final class Workload extends KindObject<Workload> {
  public static final KindInfo KIND = BuiltinKinds.WORKLOAD;
  public static final TypedKind<Workload> TYPE =
      new TypedKind<>(KIND, Workload.class, Workload::new);

  /**
   * How a rollout replaces instances.
   *
   * @param type {@code RollingUpdate} or {@code Recreate}
   * @param maxSurge instances above replicas during a rollout: a number or a percentage
   * @param maxUnavailable instances below replicas during a rollout: a number or a percentage
   */
  public record Strategy(String type, String maxSurge, String maxUnavailable) {}

  private Workload(ApiObject object) {
    super(object);
  }

  /** Wraps {@code object} (no copy). */
  public static Workload of(ApiObject object) {
    return TYPE.of(object);
  }

  /** A new Workload with only its name and namespace; set replicas and template next. */
  public static Workload named(String namespace, String name) {
    return new Workload(blank(KIND, namespace, name));
  }

  @Override
  public Workload copy() {
    return new Workload(apiObject().copy());
  }

  /** {@code spec.replicas}; 1 when unset, as the server defaults it. */
  public int replicas() {
    return Fields.integer(specAt().read(), "replicas", 1);
  }

  public Workload replicas(int replicas) {
    specAt().write().put("replicas", replicas);
    return this;
  }

  /** {@code spec.selector}; when unset, the template's labels (the server's default). */
  public LabelSelector selector() {
    if (specAt().read().has("selector")) {
      return LabelSelector.fromJson(specAt().read().get("selector"));
    }
    return LabelSelector.fromMap(template().labels());
  }

  public Workload selector(LabelSelector selector) {
    specAt().write().set("selector", selector.toJson());
    return this;
  }

  public int minReadySeconds() {
    return Fields.integer(specAt().read(), "minReadySeconds", 0);
  }

  /** {@code spec.strategy} with the server's defaults (RollingUpdate, 25%, 25%) filled in. */
  public Strategy strategy() {
    var s = specAt().read().path("strategy");
    var r = s.path("rollingUpdate");
    return new Strategy(
        Fields.text(s, "type") == null ? "RollingUpdate" : Fields.text(s, "type"),
        Fields.text(r, "maxSurge") == null ? "25%" : Fields.text(r, "maxSurge"),
        Fields.text(r, "maxUnavailable") == null ? "25%" : Fields.text(r, "maxUnavailable"));
  }

  /** Sets a rolling update; numbers ({@code "1"}) are written as integers, {@code "25%"} as is. */
  public Workload rollingUpdate(String maxSurge, String maxUnavailable) {
    var strategy = Fields.object(specAt().write(), "strategy");
    strategy.put("type", "RollingUpdate");
    var r = Fields.object(strategy, "rollingUpdate");
    putIntOrPercent(r, "maxSurge", maxSurge);
    putIntOrPercent(r, "maxUnavailable", maxUnavailable);
    return this;
  }

  /** Sets strategy Recreate (every old instance goes before new ones start). */
  public Workload recreate() {
    var strategy = Fields.object(specAt().write(), "strategy");
    strategy.put("type", "Recreate");
    strategy.remove("rollingUpdate");
    return this;
  }

  /** {@code spec.template}: the labels and spec every instance is made from (a live view). */
  public InstanceTemplate template() {
    return new InstanceTemplate(specAt().child("template"));
  }

  /** {@code status}, as the workload controller reports it (a live view). */
  public WorkloadStatus status() {
    return new WorkloadStatus(statusAt());
  }

  private static void putIntOrPercent(
      com.fasterxml.jackson.databind.node.ObjectNode parent, String field, String value) {
    if (value == null) {
      parent.remove(field);
    } else if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
      parent.put(field, Integer.parseInt(value));
    } else {
      parent.put(field, value);
    }
  }
}
