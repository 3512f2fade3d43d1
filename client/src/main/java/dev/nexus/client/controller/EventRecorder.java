package dev.nexus.client.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a controller did to an object as Event objects (kind Event, in the object's
 * namespace; {@code default} for cluster-scoped objects), which {@code nexusctl describe} lists by
 * {@code involvedObject.name}.
 *
 * <p>An event identical to one this recorder made before (same object, type, reason, message) bumps
 * that Event's {@code count} and {@code lastTimestamp} instead of creating another, so a controller
 * retrying in a loop leaves one line "(x12)", not twelve.
 *
 * <p>Recording is best effort: it never throws; a failed write is logged at WARN. It blocks the
 * caller for one request, which a reconciler on a virtual thread can afford.
 */
public final class EventRecorder {
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;

  private final NexusClient client;
  private final String component;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();

  /** Events this recorder wrote, by what makes them identical; least recently used go first. */
  private final Map<Key, Seen> seen =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Seen> eldest) {
          return size() > REMEMBERED;
        }
      };

  private record Key(
      String namespace,
      String kind,
      String name,
      String uid,
      String type,
      String reason,
      String message) {}

  private record Seen(String eventName, int count) {}

  public EventRecorder(NexusClient client, String component) {
    this(client, component, Clock.systemUTC());
  }

  EventRecorder(NexusClient client, String component, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.component = Objects.requireNonNull(component, "component");
    this.clock = clock;
  }

  /** Records a Normal event: something expected happened ("Created", "ScaledUp"). */
  public void normal(ApiObject regarding, String reason, String message) {
    record(regarding, "Normal", reason, message);
  }

  /** Records a Warning event: something went wrong the user may need to act on. */
  public void warning(ApiObject regarding, String reason, String message) {
    record(regarding, "Warning", reason, message);
  }

  private void record(ApiObject regarding, String type, String reason, String message) {
    String ns = regarding.namespace() == null ? "default" : regarding.namespace();
    Key key =
        new Key(ns, regarding.kind(), regarding.name(), regarding.uid(), type, reason, message);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    lock.lock();
    try {
      Seen before = seen.get(key);
      if (before != null && bump(ns, before, now)) {
        seen.put(key, new Seen(before.eventName(), before.count() + 1));
        return;
      }
      ApiObject created = client.create(BuiltinKinds.EVENT, event(ns, regarding, key, now));
      seen.put(key, new Seen(created.name(), 1));
    } catch (RuntimeException e) {
      log.warn(
          "could not record {} event {} for {} {}/{}: {}",
          type,
          reason,
          regarding.kind(),
          ns,
          regarding.name(),
          e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** Raises an earlier event's count; false when it is gone (deleted or expired): create anew. */
  private boolean bump(String ns, Seen before, String now) {
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.put("count", before.count() + 1);
    patch.put("lastTimestamp", now);
    try {
      client.patch(BuiltinKinds.EVENT, ns, before.eventName(), patch);
      return true;
    } catch (ApiException e) {
      if (e.code() == 404) {
        return false;
      }
      throw e;
    }
  }

  private ApiObject event(String ns, ApiObject regarding, Key key, String now) {
    ApiObject e = ApiObject.of(BuiltinKinds.API_VERSION, "Event", ns, eventName(regarding));
    ObjectNode n = e.node();
    ObjectNode involved = n.putObject("involvedObject");
    putIfPresent(involved, "apiVersion", regarding.apiVersion());
    involved.put("kind", regarding.kind());
    putIfPresent(involved, "namespace", regarding.namespace());
    involved.put("name", regarding.name());
    putIfPresent(involved, "uid", regarding.uid());
    putIfPresent(involved, "resourceVersion", regarding.resourceVersion());
    n.put("reason", key.reason());
    n.put("message", key.message() == null ? "" : key.message());
    n.put("type", key.type());
    n.put("count", 1);
    n.put("firstTimestamp", now);
    n.put("lastTimestamp", now);
    n.putObject("source").put("component", component);
    return e;
  }

  /** {@code <object>.<random hex>}, within the 253 characters a name may have. */
  private String eventName(ApiObject regarding) {
    String suffix =
        Long.toHexString(clock.millis())
            + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    String base = regarding.name();
    if (base.length() + 1 + suffix.length() > 253) {
      base = base.substring(0, 253 - 1 - suffix.length());
    }
    return base + "." + suffix;
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }

  /** The component named in each event's {@code source.component}. */
  public String component() {
    return component;
  }
}
