package dev.nexus.apiserver.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.apiserver.storage.WatchEvent;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decodes each stored change once for all the watchers that receive it. With a thousand watchers on
 * one kind, every write would otherwise be parsed and serialized a thousand times; here the first
 * watcher to see a change decodes it and the rest reuse the result.
 *
 * <p>A fixed ring indexed by a hash of (revision, key): lock-free, bounded, and a collision only
 * costs a second decode. Cached objects are shared and must be treated as read-only.
 */
public final class SharedEvents {
  private final AtomicReferenceArray<Decoded> ring;

  public SharedEvents(int slots) {
    ring = new AtomicReferenceArray<>(Integer.highestOneBit(Math.max(16, slots)));
  }

  Decoded decode(WatchEvent event) {
    int slot =
        (Long.hashCode(event.revision()) * 31 + event.key().hashCode()) & (ring.length() - 1);
    Decoded d = ring.get(slot);
    if (d != null && d.revision == event.revision() && d.key.equals(event.key())) {
      return d;
    }
    d = new Decoded(event);
    ring.set(slot, d);
    return d;
  }

  /** One change, decoded; its watch frame (a JSON line) is made on first use. */
  public static final class Decoded {
    private final long revision;
    private final String key;
    private final String type;
    private final ObjectNode object;
    private volatile byte[] line;

    Decoded(WatchEvent event) {
      this.revision = event.revision();
      this.key = event.key();
      this.type = event.type().name();
      this.object = StoredObjects.decode(event.value(), event.revision());
    }

    Decoded(String type, ObjectNode object, long revision, String key) {
      this.revision = revision;
      this.key = key;
      this.type = type;
      this.object = object;
    }

    public String type() {
      return type;
    }

    /** The object, read-only. */
    public ObjectNode object() {
      return object;
    }

    public long revision() {
      return revision;
    }

    /** {@code {"type":..,"object":..}\n}, encoded once and shared. */
    public byte[] jsonLine() {
      byte[] l = line;
      if (l == null) {
        l = frame(type, object);
        line = l;
      }
      return l;
    }

    public static byte[] frame(String type, ObjectNode object) {
      ObjectNode frame = JsonNodeFactory.instance.objectNode();
      frame.put("type", type);
      frame.set("object", object);
      byte[] json = Json.toBytes(frame);
      byte[] out = new byte[json.length + 1];
      System.arraycopy(json, 0, out, 0, json.length);
      out[json.length] = '\n';
      return out;
    }
  }
}
