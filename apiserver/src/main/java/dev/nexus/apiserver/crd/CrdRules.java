package dev.nexus.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.validation.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server adds to and forbids in CRD writes, beyond the CRD schema: the cleanup finalizer
 * and the status on create, the stored versions on update, and fields that cannot change once
 * objects may exist under them (their storage keys and scope depend on them).
 */
public final class CrdRules {
  private static final List<String> IMMUTABLE =
      List.of("/spec/group", "/spec/names/kind", "/spec/names/plural", "/spec/scope");

  private CrdRules() {}

  /** Adds the cleanup finalizer to a CRD about to be created (once). */
  public static void addCleanupFinalizer(ObjectNode crd) {
    JsonNode meta = crd.get("metadata");
    if (!(meta instanceof ObjectNode m)) {
      return; // validation answers for the missing metadata
    }
    JsonNode finalizers = m.get("finalizers");
    if (finalizers != null && !finalizers.isArray()) {
      return; // validation answers for the bad type
    }
    for (JsonNode f : m.withArray("finalizers")) {
      if (f.asText().equals(CustomResourceDefinitions.CLEANUP_FINALIZER)) {
        return;
      }
    }
    m.withArray("finalizers").add(CustomResourceDefinitions.CLEANUP_FINALIZER);
  }

  /**
   * The status of a CRD as created, as Kubernetes reports it once its kind is served: names
   * accepted (a clash with another CRD was refused at admission), {@code Established} (every
   * replica serves the kind once it has applied the CRD, and one asked for a kind it does not know
   * reads the CRDs again first, so the kind is served as soon as the create is answered), and the
   * storage version recorded in {@code storedVersions}. Clients wait on {@code Established} as they
   * would with Kubernetes.
   */
  public static ObjectNode initialStatus(ObjectNode crd, String now) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    JsonNode names = crd.path("spec").path("names");
    status.set("acceptedNames", names.isObject() ? names.deepCopy() : status.objectNode());
    status.putArray("storedVersions");
    recordStorageVersion(crd, status);
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now);
    condition(
        conditions,
        "Established",
        "InitialNamesAccepted",
        "the initial names have been accepted",
        now);
    return status;
  }

  /**
   * Adds the storage version of {@code next} to its {@code status.storedVersions}, as Kubernetes
   * does: objects stored under an earlier storage version may still exist.
   */
  public static void recordStorageVersion(ObjectNode next) {
    if (next.get("status") instanceof ObjectNode status) {
      recordStorageVersion(next, status);
    }
  }

  private static void recordStorageVersion(ObjectNode crd, ObjectNode status) {
    JsonNode stored = status.get("storedVersions");
    if (!(stored instanceof ArrayNode versions)) {
      return;
    }
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("storage").asBoolean(false) && v.path("name").isTextual()) {
        String name = v.path("name").asText();
        for (JsonNode known : versions) {
          if (known.asText().equals(name)) {
            return;
          }
        }
        versions.add(name);
      }
    }
  }

  private static void condition(
      ArrayNode conditions, String type, String reason, String message, String now) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    c.put("message", message);
    c.put("lastTransitionTime", now);
  }

  /** 422 when an update changes a field that must stay as created. */
  public static void checkUpdate(ObjectNode current, ObjectNode next) {
    List<Status.Cause> causes = new ArrayList<>();
    for (String pointer : IMMUTABLE) {
      JsonNode before = current.at(pointer);
      JsonNode after = next.at(pointer);
      if (!Objects.equals(before, after)) {
        causes.add(
            new Status.Cause(
                pointer.substring(1).replace('/', '.'),
                "field is immutable (was "
                    + before
                    + "): delete and re-create the"
                    + " CustomResourceDefinition instead",
                Reasons.INVALID));
      }
    }
    if (!causes.isEmpty()) {
      throw ApiException.invalid(
          BuiltinKinds.CUSTOM_RESOURCE_DEFINITION.kind(),
          current.path("metadata").path("name").asText(),
          causes);
    }
  }
}
