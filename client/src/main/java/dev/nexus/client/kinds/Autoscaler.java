package dev.nexus.client.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.time.Instant;
import java.util.Optional;

/** An Autoscaler: keeps a target's replicas between min and max on observed metrics. */
public final class Autoscaler extends KindObject<Autoscaler> {
  public static final KindInfo KIND = BuiltinKinds.AUTOSCALER;
  public static final TypedKind<Autoscaler> TYPE =
      new TypedKind<>(KIND, Autoscaler.class, Autoscaler::new);

  private Autoscaler(ApiObject object) {
    super(object);
  }

  public static Autoscaler of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Autoscaler named(String namespace, String name) {
    return new Autoscaler(blank(KIND, namespace, name));
  }

  @Override
  public Autoscaler copy() {
    return new Autoscaler(apiObject().copy());
  }

  /** The kind it scales; {@code Workload} when unset. */
  public String targetKind() {
    String k = Fields.text(specAt().read().path("targetRef"), "kind");
    return k == null ? "Workload" : k;
  }

  public String targetName() {
    return Fields.text(specAt().read().path("targetRef"), "name");
  }

  /** Targets the Workload {@code name} in the autoscaler's namespace. */
  public Autoscaler target(String kind, String name) {
    specAt().child("targetRef").write().put("kind", kind).put("name", name);
    return this;
  }

  /** 1 when unset, as the server defaults it. */
  public int minReplicas() {
    return Fields.integer(specAt().read(), "minReplicas", 1);
  }

  public Autoscaler minReplicas(int n) {
    specAt().write().put("minReplicas", n);
    return this;
  }

  public int maxReplicas() {
    return Fields.integer(specAt().read(), "maxReplicas", 0);
  }

  public Autoscaler maxReplicas(int n) {
    specAt().write().put("maxReplicas", n);
    return this;
  }

  public int currentReplicas() {
    return Fields.integer(statusAt().read(), "currentReplicas", 0);
  }

  public int desiredReplicas() {
    return Fields.integer(statusAt().read(), "desiredReplicas", 0);
  }

  public Optional<Instant> lastScaleTime() {
    return Fields.instant(statusAt().read(), "lastScaleTime");
  }

  public long observedGeneration() {
    return Fields.longInt(statusAt().read(), "observedGeneration", 0);
  }
}
