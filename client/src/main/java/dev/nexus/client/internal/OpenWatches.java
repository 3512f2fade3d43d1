package dev.nexus.client.internal;

import dev.nexus.client.Watch;
import dev.nexus.client.WatchEvent;
import dev.nexus.client.WatchListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The watches a client has open, so that closing the client ends them: the JDK's HTTP client
 * otherwise waits for every open response body. A watch is forgotten once it has ended.
 */
public final class OpenWatches {
  private final Set<Watch> open = ConcurrentHashMap.newKeySet();

  /** Opens a watch through {@code opener}, remembering it until its listener hears it end. */
  public Watch track(WatchListener listener, Function<WatchListener, Watch> opener) {
    Watch[] self = new Watch[1];
    WatchListener forgetOnClose =
        new WatchListener() {
          @Override
          public void onEvent(WatchEvent event) {
            listener.onEvent(event);
          }

          @Override
          public void onClose(Exception error) {
            if (self[0] != null) {
              open.remove(self[0]);
            }
            listener.onClose(error);
          }

          @Override
          public void onGone() {
            listener.onGone();
          }
        };
    self[0] = opener.apply(forgetOnClose);
    open.add(self[0]);
    return self[0];
  }

  /** Closes every open watch, resuming ones first so that none reconnects after its stream ends. */
  public void closeAll() {
    List<Watch> watches = List.copyOf(open);
    watches.stream().filter(w -> w instanceof ResumingWatch).forEach(Watch::close);
    watches.forEach(Watch::close);
  }
}
