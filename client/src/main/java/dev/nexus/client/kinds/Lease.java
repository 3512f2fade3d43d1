package dev.nexus.client.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.time.Instant;
import java.util.Optional;

/** A Lease: a node's heartbeat or a controller's leadership, held by one identity at a time. */
public final class Lease extends KindObject<Lease> {
  public static final KindInfo KIND = BuiltinKinds.LEASE;
  public static final TypedKind<Lease> TYPE = new TypedKind<>(KIND, Lease.class, Lease::new);

  private Lease(ApiObject object) {
    super(object);
  }

  public static Lease of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Lease named(String namespace, String name) {
    return new Lease(blank(KIND, namespace, name));
  }

  @Override
  public Lease copy() {
    return new Lease(apiObject().copy());
  }

  /** Who holds it, or null when released. */
  public String holderIdentity() {
    String h = Fields.text(specAt().read(), "holderIdentity");
    return h == null || h.isEmpty() ? null : h;
  }

  /** Sets the holder; null releases the lease (written as JSON null, as the schema allows). */
  public Lease holderIdentity(String holder) {
    if (holder == null) {
      specAt().write().putNull("holderIdentity");
    } else {
      specAt().write().put("holderIdentity", holder);
    }
    return this;
  }

  /** How long the holder's claim lasts after its last renewal; 0 when unset. */
  public int leaseDurationSeconds() {
    return Fields.integer(specAt().read(), "leaseDurationSeconds", 0);
  }

  public Lease leaseDurationSeconds(int seconds) {
    specAt().write().put("leaseDurationSeconds", seconds);
    return this;
  }

  public Optional<Instant> acquireTime() {
    return Fields.instant(specAt().read(), "acquireTime");
  }

  public Lease acquireTime(Instant time) {
    specAt().write().put("acquireTime", time.toString());
    return this;
  }

  public Optional<Instant> renewTime() {
    return Fields.instant(specAt().read(), "renewTime");
  }

  public Lease renewTime(Instant time) {
    specAt().write().put("renewTime", time.toString());
    return this;
  }

  /** How many times the holder changed. */
  public int leaseTransitions() {
    return Fields.integer(specAt().read(), "leaseTransitions", 0);
  }

  public Lease leaseTransitions(int n) {
    specAt().write().put("leaseTransitions", n);
    return this;
  }

  /** Whether a holder's claim has run out at {@code now} (a released lease has expired). */
  public boolean expiredAt(Instant now) {
    if (holderIdentity() == null) {
      return true;
    }
    return renewTime().map(t -> !now.isBefore(t.plusSeconds(leaseDurationSeconds()))).orElse(true);
  }
}
