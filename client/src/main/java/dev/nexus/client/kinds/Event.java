package dev.nexus.client.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.time.Instant;
import java.util.Optional;

/**
 * An Event: something that happened to an object, shown by {@code nexusctl describe}. Its fields
 * sit at the top level, not under spec; {@code EventRecorder} writes them.
 */
public final class Event extends KindObject<Event> {
  public static final KindInfo KIND = BuiltinKinds.EVENT;
  public static final TypedKind<Event> TYPE = new TypedKind<>(KIND, Event.class, Event::new);

  /** The object an event is about. */
  public record InvolvedObject(
      String apiVersion, String kind, String namespace, String name, String uid) {}

  private Event(ApiObject object) {
    super(object);
  }

  public static Event of(ApiObject object) {
    return TYPE.of(object);
  }

  @Override
  public Event copy() {
    return new Event(apiObject().copy());
  }

  public InvolvedObject involvedObject() {
    JsonNode o = node().path("involvedObject");
    return new InvolvedObject(
        Fields.text(o, "apiVersion"),
        Fields.text(o, "kind"),
        Fields.text(o, "namespace"),
        Fields.text(o, "name"),
        Fields.text(o, "uid"));
  }

  /** A short CamelCase cause, e.g. {@code ScaledUp}. */
  public String reason() {
    return Fields.text(node(), "reason");
  }

  public String message() {
    return Fields.text(node(), "message");
  }

  /** {@code Normal} or {@code Warning}. */
  public String type() {
    return Fields.text(node(), "type");
  }

  public boolean warning() {
    return "Warning".equals(type());
  }

  /** How many times it happened (identical repeats raise it); 1 when unset. */
  public int count() {
    return Fields.integer(node(), "count", 1);
  }

  public Optional<Instant> firstTimestamp() {
    return Fields.instant(node(), "firstTimestamp");
  }

  public Optional<Instant> lastTimestamp() {
    return Fields.instant(node(), "lastTimestamp");
  }

  /** The component that reported it, e.g. {@code workload-controller}. */
  public String source() {
    return Fields.text(node().path("source"), "component");
  }
}
