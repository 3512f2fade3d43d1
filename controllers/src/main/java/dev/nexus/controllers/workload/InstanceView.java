package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.model.ApiObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the rollout planner needs to know about one Instance, read from the Instance as its node
 * agent reports it (Instance.json): readiness is the {@code Ready} condition being {@code True}; a
 * phase of {@code Failed} or {@code Succeeded} means the sandbox ended and will not come back, so
 * the instance is replaced.
 *
 * @param name the Instance's name
 * @param templateHash its {@code nexus.dev/template-hash} label (null when missing)
 * @param created its creation time (for "newest first"; {@link Instant#EPOCH} when unknown)
 * @param scheduled whether the scheduler has bound it ({@code spec.nodeName} set)
 * @param ready whether its Ready condition is True
 * @param readySince when Ready last became True (null when not ready or unknown)
 * @param terminal whether its phase is Failed or Succeeded
 * @param deleting whether it carries a deletionTimestamp (on its way out; counted nowhere)
 */
public record InstanceView(
    String name,
    String templateHash,
    Instant created,
    boolean scheduled,
    boolean ready,
    Instant readySince,
    boolean terminal,
    boolean deleting) {

  /** The label that carries an Instance's template hash. */
  public static final String HASH_LABEL = "nexus.dev/template-hash";

  /** Reads the fields the planner needs from an Instance object. */
  public static InstanceView of(ApiObject instance) {
    JsonNode status = instance.status();
    String phase = status == null ? null : status.path("phase").asText(null);
    boolean ready = false;
    Instant readySince = null;
    if (status != null) {
      for (JsonNode c : status.path("conditions")) {
        if ("Ready".equals(c.path("type").asText())) {
          ready = "True".equals(c.path("status").asText());
          readySince = ready ? instant(c.path("lastTransitionTime").asText(null)) : null;
        }
      }
    }
    JsonNode spec = instance.spec();
    String nodeName = spec == null ? null : spec.path("nodeName").asText(null);
    Instant created = instant(instance.creationTimestamp());
    return new InstanceView(
        instance.name(),
        instance.labels().get(HASH_LABEL),
        created == null ? Instant.EPOCH : created,
        nodeName != null && !nodeName.isEmpty(),
        ready && !"Failed".equals(phase) && !"Succeeded".equals(phase),
        readySince,
        "Failed".equals(phase) || "Succeeded".equals(phase),
        instance.deletionTimestamp() != null);
  }

  /**
   * Whether the instance has been ready for at least {@code minReady} at {@code now}. A ready
   * instance whose transition time is unknown counts as available: nothing says it is not.
   */
  public boolean available(Instant now, Duration minReady) {
    if (!ready) {
      return false;
    }
    if (minReady.isZero() || readySince == null) {
      return true;
    }
    return !readySince.plus(minReady).isAfter(now);
  }

  private static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
