package dev.nexus.ctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.model.ApiObject;
import dev.nexus.api.patch.MergePatch;
import dev.nexus.api.patch.ThreeWay;
import dev.nexus.client.NexusClient;
import java.io.IOException;

/**
 * Applies one {@link Target}: create when absent, else a three-way merge patch of (last applied,
 * manifest, live). The manifest is stored with the object as the annotation {@link #LAST_APPLIED},
 * which is what lets the next apply tell "removed from the manifest" (delete the field) from "never
 * in the manifest" (leave it to whoever set it: a controller, an autoscaler, the server).
 */
public final class Applier {
  /** Annotation holding the manifest of the last apply, as compact JSON. */
  public static final String LAST_APPLIED = "nexus.dev/last-applied-configuration";

  /** What apply did. */
  public enum Result {
    CREATED,
    CONFIGURED,
    UNCHANGED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * What apply would do, for {@code diff}.
   *
   * @param live the object now, or null when apply would create it
   * @param patch the merge patch apply would send (the whole object when creating)
   * @param merged the object as it would be after apply, before server-side defaulting
   */
  public record Preview(ApiObject live, JsonNode patch, ApiObject merged) {
    public boolean changes() {
      return live == null || !patch.isEmpty();
    }
  }

  private final NexusClient client;

  public Applier(NexusClient client) {
    this.client = client;
  }

  public Result apply(Target target) {
    Preview preview = preview(target);
    if (preview.live() == null) {
      client.create(target.kind(), preview.merged());
      return Result.CREATED;
    }
    if (!preview.changes()) {
      return Result.UNCHANGED;
    }
    client.patch(target.kind(), target.namespace(), target.name(), preview.patch());
    return Result.CONFIGURED;
  }

  public Preview preview(Target target) {
    ObjectNode desired = withLastApplied(target.manifest());
    ApiObject live = find(target);
    if (live == null) {
      return new Preview(null, desired, new ApiObject(desired));
    }
    JsonNode patch = ThreeWay.patch(lastApplied(live), desired, live.node());
    JsonNode merged = MergePatch.apply(live.node().deepCopy(), patch);
    return new Preview(live, patch, new ApiObject((ObjectNode) merged));
  }

  private ApiObject find(Target target) {
    try {
      return client.get(target.kind(), target.namespace(), target.name());
    } catch (ApiException e) {
      if (e.code() == 404 && !(e instanceof dev.nexus.client.ConnectionException)) {
        return null;
      }
      throw e;
    }
  }

  /** The manifest plus the annotation recording it. */
  static ObjectNode withLastApplied(ObjectNode manifest) {
    ObjectNode recorded = manifest.deepCopy();
    if (recorded.get("metadata") instanceof ObjectNode meta
        && meta.get("annotations") instanceof ObjectNode ann) {
      ann.remove(LAST_APPLIED);
      if (ann.isEmpty()) {
        meta.remove("annotations");
      }
    }
    ObjectNode desired = manifest.deepCopy();
    ObjectNode meta = (ObjectNode) desired.get("metadata");
    ObjectNode annotations =
        meta.get("annotations") instanceof ObjectNode a ? a : meta.putObject("annotations");
    annotations.put(LAST_APPLIED, Json.toJson(recorded));
    return desired;
  }

  /** The last applied manifest of a live object; empty when it was never applied. */
  static JsonNode lastApplied(ApiObject live) {
    String text = live.annotations().get(LAST_APPLIED);
    if (text == null || text.isBlank()) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      // A hand-edited, unreadable annotation: treat the object as never applied rather than fail.
      return Json.MAPPER.createObjectNode();
    }
  }
}
