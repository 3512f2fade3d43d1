package dev.nexus.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Json;
import dev.nexus.api.error.ApiException;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.ConnectionException;
import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one NDJSON watch response on its own virtual thread and hands each event to the listener.
 * {@link #close()} closes the body and interrupts the reader, which is how a blocked read ends.
 */
public final class WatchStream implements Watch {
  private final InputStream body;
  private final WatchListener listener;
  private final String describe;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Thread reader;

  /**
   * Starts reading {@code body} at once.
   *
   * @param describe names the watch in error messages, e.g. its URL
   */
  public WatchStream(InputStream body, WatchListener listener, String describe) {
    this.body = body;
    this.listener = listener;
    this.describe = describe;
    this.reader = Thread.ofVirtual().name("nexus-watch").unstarted(this::run);
    reader.start();
  }

  @Override
  public boolean isOpen() {
    return !ended.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      reader.interrupt();
      try {
        body.close();
      } catch (IOException e) {
        // Closing is how we cancel; an error while cancelling changes nothing for the caller.
      }
    }
  }

  private void run() {
    Exception error = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while (!closed.get() && (line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = Json.MAPPER.readTree(line);
        String type = event.path("type").asText("");
        JsonNode object = event.get("object");
        if (type.equals("ERROR")) {
          error =
              StatusDecoder.typed(
                  StatusDecoder.status(
                      object == null ? Json.MAPPER.createObjectNode() : object, 500));
          break;
        }
        if (!(object instanceof ObjectNode obj)) {
          throw new IOException("watch event without an object: " + abbreviate(line));
        }
        WatchEvent.Type t;
        try {
          t = WatchEvent.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
          throw new IOException("unknown watch event type \"" + type + "\"", e);
        }
        try {
          listener.onEvent(new WatchEvent(t, new ApiObject(obj)));
        } catch (RuntimeException e) {
          // The listener's own failure ends the watch and is reported as it is.
          error = e;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) {
        error =
            e instanceof ApiException ae
                ? ae
                : new ConnectionException("watch " + describe + " broke: " + e.getMessage(), e);
      }
    } finally {
      ended.set(true);
      try {
        body.close();
      } catch (IOException e) {
        // Already ending; nothing more to release.
      }
      listener.onClose(error);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
