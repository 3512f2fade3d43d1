package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.JsonPaths;
import dev.nexus.api.crd.ScalePaths;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.KindInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a write may change. Given the current object and what the request proposes, each rule
 * returns the object to store: server-managed metadata is kept from the current object, the status
 * subresource owns {@code status}, the main resource owns everything else, and {@code generation}
 * goes up by one exactly when {@code spec} changes.
 */
final class UpdateRules {
  /** Metadata only the server sets; a request's values are ignored. */
  static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "generation",
          "resourceVersion");

  private UpdateRules() {}

  /** A write through the object itself (PUT or PATCH without a subresource). */
  static ObjectNode main(KindInfo kind, ObjectRef ref, ObjectNode current, ObjectNode proposed) {
    checkIdentity(kind, ref, proposed);
    ObjectNode next = proposed;
    ObjectNode meta = StoredObjects.metadata(next);
    ObjectNode currentMeta = StoredObjects.metadata(current);
    for (String field : SERVER_METADATA) {
      copy(currentMeta, meta, field);
    }
    checkNoNewFinalizersWhileDeleting(kind, ref, current, next);
    if (kind.statusSubresource()) {
      // Status belongs to the status subresource: a change here is ignored, as in Kubernetes.
      copy(current, next, "status");
    }
    bumpGenerationOnSpecChange(current, next);
    return next;
  }

  /** A write through {@code /status}: only the proposed {@code status} is taken. */
  static ObjectNode status(ObjectRef ref, ObjectNode current, ObjectNode proposed) {
    checkIdentity(ref.kind(), ref, proposed);
    ObjectNode next = current.deepCopy();
    copy(proposed, next, "status");
    return next;
  }

  /** A write through {@code /scale} of a kind whose desired replicas live at {@code paths}. */
  static ObjectNode scale(ObjectRef ref, ObjectNode current, int replicas, ScalePaths paths) {
    if (paths.equals(ScalePaths.DEFAULT)) {
      return scale(current, replicas);
    }
    ObjectNode next = current.deepCopy();
    if (!JsonPaths.setInt(next, paths.specReplicasPath(), replicas)) {
      throw ApiException.invalidField(
          ref.kind().kind(),
          ref.name(),
          "spec.replicas",
          "cannot be written at " + paths.specReplicasPath() + " of this object");
    }
    bumpGenerationOnSpecChange(current, next);
    return next;
  }

  /** A write through {@code /scale}: only {@code spec.replicas} changes. */
  static ObjectNode scale(ObjectNode current, int replicas) {
    ObjectNode next = current.deepCopy();
    JsonNode spec = next.get("spec");
    ObjectNode specObj = spec instanceof ObjectNode o ? o : next.putObject("spec");
    specObj.put("replicas", replicas);
    bumpGenerationOnSpecChange(current, next);
    return next;
  }

  /** Once deletion has started, finalizers may only go away (as in Kubernetes). */
  private static void checkNoNewFinalizersWhileDeleting(
      KindInfo kind, ObjectRef ref, ObjectNode current, ObjectNode next) {
    if (!current.path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    Set<String> before = new HashSet<>();
    current.path("metadata").path("finalizers").forEach(f -> before.add(f.asText()));
    for (JsonNode f : next.path("metadata").path("finalizers")) {
      if (!before.contains(f.asText())) {
        throw ApiException.invalidField(
            kind.kind(),
            ref.name(),
            "metadata.finalizers",
            "Forbidden: no new finalizers can be added while the object is being deleted (found \""
                + f.asText()
                + "\")");
      }
    }
  }

  static void bumpGenerationOnSpecChange(ObjectNode current, ObjectNode next) {
    long generation = StoredObjects.metadata(current).path("generation").asLong(1);
    if (!Objects.equals(current.get("spec"), next.get("spec"))) {
      generation++;
    }
    StoredObjects.metadata(next).put("generation", generation);
  }

  /** The URL names the object; a body naming another one is a mistake, not a rename. */
  static void checkIdentity(KindInfo kind, ObjectRef ref, ObjectNode proposed) {
    ObjectNode meta = StoredObjects.metadata(proposed);
    String name = meta.path("name").asText(null);
    if (name == null || name.isEmpty()) {
      meta.put("name", ref.name());
    } else if (!name.equals(ref.name())) {
      throw ApiException.badRequest(
          "metadata.name: the name of the object ("
              + name
              + ") does not match the name in the URL ("
              + ref.name()
              + "); a name cannot be changed");
    }
    if (kind.namespaced()) {
      String ns = meta.path("namespace").asText(null);
      if (ns == null || ns.isEmpty()) {
        meta.put("namespace", ref.namespace());
      } else if (!ns.equals(ref.namespace())) {
        throw ApiException.badRequest(
            "metadata.namespace: the namespace of the object ("
                + ns
                + ") does not match the namespace in the URL ("
                + ref.namespace()
                + "); an object cannot move between namespaces");
      }
    } else {
      meta.remove("namespace");
    }
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v == null) {
      to.remove(field);
    } else {
      to.set(field, v.deepCopy());
    }
  }
}
