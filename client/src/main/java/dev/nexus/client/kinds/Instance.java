package dev.nexus.client.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;

/**
 * An Instance: one replica, made by the workload controller, bound by the scheduler ({@link
 * #nodeName()}), run by its node's agent, which writes its status.
 */
public final class Instance extends KindObject<Instance> {
  public static final KindInfo KIND = BuiltinKinds.INSTANCE;
  public static final TypedKind<Instance> TYPE =
      new TypedKind<>(KIND, Instance.class, Instance::new);

  /** The label naming the hash of the Workload template an instance was made from. */
  public static final String TEMPLATE_HASH_LABEL = "nexus.dev/template-hash";

  private Instance(ApiObject object) {
    super(object);
  }

  public static Instance of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Instance named(String namespace, String name) {
    return new Instance(blank(KIND, namespace, name));
  }

  @Override
  public Instance copy() {
    return new Instance(apiObject().copy());
  }

  /** What the instance runs (a live view of {@code spec}). */
  public SandboxSpec spec() {
    return new SandboxSpec(specAt());
  }

  /** The node it is bound to, or null while pending. */
  public String nodeName() {
    String n = Fields.text(specAt().read(), "nodeName");
    return n == null || n.isEmpty() ? null : n;
  }

  public Instance nodeName(String node) {
    Fields.put(specAt().write(), "nodeName", node);
    return this;
  }

  /** The {@value #TEMPLATE_HASH_LABEL} label, or null. */
  public String templateHash() {
    return label(TEMPLATE_HASH_LABEL);
  }

  /** {@code Pending}, {@code Scheduled}, {@code Running}, ...; {@code Pending} when unset. */
  public String phase() {
    String p = Fields.text(statusAt().read(), "phase");
    return p == null ? "Pending" : p;
  }

  public Instance phase(String phase) {
    Fields.put(statusAt().write(), "phase", phase);
    return this;
  }

  /** Whether its Ready condition is True: the readiness probe passes. */
  public boolean ready() {
    return conditionTrue("Ready");
  }

  public String instanceIP() {
    return Fields.text(statusAt().read(), "instanceIP");
  }

  public String hostIP() {
    return Fields.text(statusAt().read(), "hostIP");
  }

  public int restarts() {
    return Fields.integer(statusAt().read(), "restarts", 0);
  }

  /** Why it is in its phase, in words, or null. */
  public String message() {
    return Fields.text(statusAt().read(), "message");
  }
}
