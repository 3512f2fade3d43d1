package dev.nexus.apiserver.storage.watch;

import dev.nexus.apiserver.storage.WatchEvent;
import java.util.List;

/** The events of one applied Raft entry, in op order. */
record Batch(long revision, List<WatchEvent> events) {}
