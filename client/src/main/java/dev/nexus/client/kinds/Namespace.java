package dev.nexus.client.kinds;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;

/** A Namespace: a naming and policy boundary (cluster-scoped). */
public final class Namespace extends KindObject<Namespace> {
  public static final KindInfo KIND = BuiltinKinds.NAMESPACE;
  public static final TypedKind<Namespace> TYPE =
      new TypedKind<>(KIND, Namespace.class, Namespace::new);

  private Namespace(ApiObject object) {
    super(object);
  }

  public static Namespace of(ApiObject object) {
    return TYPE.of(object);
  }

  public static Namespace named(String name) {
    return new Namespace(blank(KIND, null, name));
  }

  @Override
  public Namespace copy() {
    return new Namespace(apiObject().copy());
  }

  /** {@code Active}, or {@code Terminating} while its objects are being deleted. */
  public String phase() {
    String p = Fields.text(statusAt().read(), "phase");
    return p == null ? "Active" : p;
  }
}
