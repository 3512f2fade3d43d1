package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.api.selector.LabelSelector;
import dev.nexus.client.TypedKind;

/**
 * A Policy: rules on the instances its selector picks, in up to three sections: {@code network}
 * (allowed peers and ports), {@code traffic} (retries, timeouts, circuit breaking) and {@code
 * placement} (constraints for the scheduler). The sections are read as JSON: their consumers
 * (datapath, mesh, scheduler) interpret them.
 */
public final class Policy extends KindObject<Policy> {
  public static final KindInfo KIND = BuiltinKinds.POLICY;
  public static final TypedKind<Policy> TYPE = new TypedKind<>(KIND, Policy.class, Policy::new);

  private Policy(ApiObject object) {
    super(object);
  }

  public static Policy of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Policy named(String namespace, String name) {
    return new Policy(blank(KIND, namespace, name));
  }

  @Override
  public Policy copy() {
    return new Policy(apiObject().copy());
  }

  /** The instances it applies to (an absent selector selects every instance). */
  public LabelSelector selector() {
    return LabelSelector.fromJson(specAt().read().get("selector"));
  }

  public Policy selector(LabelSelector selector) {
    specAt().write().set("selector", selector.toJson());
    return this;
  }

  /** {@code spec.network}, or a missing node. */
  public JsonNode network() {
    return specAt().read().path("network");
  }

  /** {@code spec.traffic}, or a missing node. */
  public JsonNode traffic() {
    return specAt().read().path("traffic");
  }

  /** {@code spec.placement}, or a missing node. */
  public JsonNode placement() {
    return specAt().read().path("placement");
  }

  public boolean hasNetwork() {
    return !network().isMissingNode();
  }

  public boolean hasTraffic() {
    return !traffic().isMissingNode();
  }

  public boolean hasPlacement() {
    return !placement().isMissingNode();
  }
}
