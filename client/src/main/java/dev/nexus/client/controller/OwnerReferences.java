package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nexus.api.model.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and sets {@code metadata.ownerReferences}. An object has at most one controller owner: the
 * one whose controller maps the object's events back to itself and whose deletion collects it.
 */
public final class OwnerReferences {
  private OwnerReferences() {}

  /** Every owner reference of {@code object}, in order. */
  public static List<OwnerRef> of(ApiObject object) {
    List<OwnerRef> out = new ArrayList<>();
    JsonNode refs = object.node().path("metadata").path("ownerReferences");
    refs.forEach(r -> out.add(OwnerRef.from(r)));
    return out;
  }

  /** The owner reference marked {@code controller: true}, if any. */
  public static Optional<OwnerRef> controllerOf(ApiObject object) {
    return of(object).stream().filter(OwnerRef::controller).findFirst();
  }

  /** Whether {@code owned} names {@code owner} (by uid) among its owners. */
  public static boolean isOwnedBy(ApiObject owned, ApiObject owner) {
    String uid = owner.uid();
    return uid != null && of(owned).stream().anyMatch(r -> uid.equals(r.uid()));
  }

  /** Whether {@code owner} is the controller owner of {@code owned}. */
  public static boolean isControlledBy(ApiObject owned, ApiObject owner) {
    String uid = owner.uid();
    return uid != null && controllerOf(owned).map(r -> uid.equals(r.uid())).orElse(false);
  }

  /**
   * Makes {@code owner} the controller owner of {@code owned} (changing {@code owned}), with {@code
   * blockOwnerDeletion} so a foreground deletion of the owner waits for it. A reference to the same
   * owner is replaced rather than repeated.
   *
   * @throws IllegalArgumentException when the owner has no uid yet (it was never stored), lives in
   *     another namespace, or another object already controls {@code owned}
   */
  public static void setController(ApiObject owned, ApiObject owner) {
    if (owner.uid() == null || owner.uid().isEmpty()) {
      throw new IllegalArgumentException(
          owner.kind()
              + " \""
              + owner.name()
              + "\" has no metadata.uid: read it from the server"
              + " before making it an owner");
    }
    if (owner.namespace() != null && !owner.namespace().equals(owned.namespace())) {
      throw new IllegalArgumentException(
          "an owner must be in the owned object's namespace or cluster-scoped: "
              + owner.kind()
              + " \""
              + owner.namespace()
              + "/"
              + owner.name()
              + "\" cannot own "
              + owned.kind()
              + " \""
              + owned.namespace()
              + "/"
              + owned.name()
              + "\"");
    }
    Optional<OwnerRef> current = controllerOf(owned);
    if (current.isPresent() && !owner.uid().equals(current.get().uid())) {
      throw new IllegalArgumentException(
          owned.kind()
              + " \""
              + owned.name()
              + "\" is already controlled by "
              + current.get().kind()
              + " \""
              + current.get().name()
              + "\"");
    }
    OwnerRef ref =
        new OwnerRef(owner.apiVersion(), owner.kind(), owner.name(), owner.uid(), true, true);
    ArrayNode refs =
        owned.metadata().get("ownerReferences") instanceof ArrayNode a
            ? a
            : owned.metadata().putArray("ownerReferences");
    for (int i = 0; i < refs.size(); i++) {
      if (owner.uid().equals(refs.get(i).path("uid").asText())) {
        refs.set(i, ref.toNode());
        return;
      }
    }
    refs.add(ref.toNode());
  }

  /**
   * Removes the references to the owners with these uids from {@code owned} (changing it), and the
   * whole {@code ownerReferences} field when none is left.
   *
   * @return whether a reference was removed
   */
  public static boolean remove(ApiObject owned, Set<String> ownerUids) {
    if (!(owned.metadata().get("ownerReferences") instanceof ArrayNode refs)) {
      return false;
    }
    boolean changed = false;
    for (int i = refs.size() - 1; i >= 0; i--) {
      if (ownerUids.contains(refs.get(i).path("uid").asText())) {
        refs.remove(i);
        changed = true;
      }
    }
    if (refs.isEmpty()) {
      owned.metadata().remove("ownerReferences");
    }
    return changed;
  }
}
