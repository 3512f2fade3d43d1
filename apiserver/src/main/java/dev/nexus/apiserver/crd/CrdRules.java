package dev.nexus.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
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
 * on create, and fields that cannot change once objects may exist under them (their storage keys
 * and scope depend on them).
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
