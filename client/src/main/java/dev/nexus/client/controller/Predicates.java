package dev.nexus.client.controller;

import dev.nexus.api.model.ApiObject;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The usual predicates. The {@code ...Changed} ones filter updates only: creates and deletes always
 * pass; a resync ({@code onUpdate(o, o)}) never does, since nothing changed.
 */
public final class Predicates {
  private Predicates() {}

  /** Updates that change {@code metadata.generation}: spec changes, not status writes. */
  public static Predicate generationChanged() {
    return onUpdate((o, n) -> o.generation() != n.generation());
  }

  public static Predicate labelsChanged() {
    return onUpdate((o, n) -> !o.labels().equals(n.labels()));
  }

  public static Predicate annotationsChanged() {
    return onUpdate((o, n) -> !o.annotations().equals(n.annotations()));
  }

  /** Updates that change anything at all (drops resyncs). */
  public static Predicate resourceVersionChanged() {
    return onUpdate((o, n) -> !Objects.equals(o.resourceVersion(), n.resourceVersion()));
  }

  /** Passes an event when any of {@code predicates} does. */
  public static Predicate or(Predicate... predicates) {
    List<Predicate> all = List.of(predicates);
    return new Predicate() {
      @Override
      public boolean create(ApiObject object) {
        return all.stream().anyMatch(p -> p.create(object));
      }

      @Override
      public boolean update(ApiObject oldObject, ApiObject newObject) {
        return all.stream().anyMatch(p -> p.update(oldObject, newObject));
      }

      @Override
      public boolean delete(ApiObject object) {
        return all.stream().anyMatch(p -> p.delete(object));
      }
    };
  }

  /** Passes an event when all of {@code predicates} do. */
  public static Predicate and(Predicate... predicates) {
    List<Predicate> all = List.of(predicates);
    return new Predicate() {
      @Override
      public boolean create(ApiObject object) {
        return all.stream().allMatch(p -> p.create(object));
      }

      @Override
      public boolean update(ApiObject oldObject, ApiObject newObject) {
        return all.stream().allMatch(p -> p.update(oldObject, newObject));
      }

      @Override
      public boolean delete(ApiObject object) {
        return all.stream().allMatch(p -> p.delete(object));
      }
    };
  }

  /** A predicate that passes creates and deletes, and updates where {@code changed} holds. */
  public static Predicate onUpdate(BiPredicate<ApiObject, ApiObject> changed) {
    return new Predicate() {
      @Override
      public boolean update(ApiObject oldObject, ApiObject newObject) {
        return changed.test(oldObject, newObject);
      }
    };
  }
}
