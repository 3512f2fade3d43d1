package dev.nexus.testing.sdk;

import dev.nexus.api.model.ApiObject;
import dev.nexus.client.informer.ResourceEventHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * A handler that writes down what it hears about one namespace as lines like {@code ADD a}, {@code
 * UPDATE a 12->15} or {@code DELETE a}, and which thread told it.
 */
final class Recorder implements ResourceEventHandler {
  private final String namespace;
  private final List<String> events = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();

  Recorder(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public synchronized void onAdd(ApiObject o) {
    record(o, "ADD " + o.name());
  }

  @Override
  public synchronized void onUpdate(ApiObject old, ApiObject o) {
    record(o, "UPDATE " + o.name() + " " + old.resourceVersion() + "->" + o.resourceVersion());
  }

  @Override
  public synchronized void onDelete(ApiObject o) {
    record(o, "DELETE " + o.name());
  }

  private void record(ApiObject o, String line) {
    if (namespace.equals(o.namespace())) {
      events.add(line);
      threads.add(Thread.currentThread().getName());
    }
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized List<String> threads() {
    return List.copyOf(threads);
  }

  /** Events without the revisions, e.g. {@code UPDATE a}. */
  synchronized List<String> kinds() {
    return events.stream().map(e -> e.replaceAll(" \\d+->\\d+$", "")).toList();
  }
}
