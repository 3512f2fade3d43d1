package dev.nexus.client;

import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import java.util.function.Function;

/**
 * A kind together with its typed view: what {@link NexusClient#typed(TypedKind)} needs to hand out
 * {@code T} instead of {@link ApiObject}. Built-in kinds have one each ({@code Workload.TYPE}); a
 * CRD's author makes one for a view class of their own the same way.
 *
 * @param kind how the kind is served
 * @param type the view class
 * @param wrap wraps an object (without copying it) in the view
 */
public record TypedKind<T extends TypedObject>(
    KindInfo kind, Class<T> type, Function<ApiObject, T> wrap) {

  /** Wraps {@code object}, refusing one of another kind (a view must never lie about its data). */
  public T of(ApiObject object) {
    String k = object.kind();
    if (k != null && !k.equals(kind.kind())) {
      throw new IllegalArgumentException(
          "kind: a " + type.getSimpleName() + " view needs kind " + kind.kind() + ", not " + k);
    }
    return wrap.apply(object);
  }
}
