package dev.nexus.client.kinds;

import java.util.Map;

/** A Workload's {@code spec.template}: the labels and the spec each of its instances gets. */
public final class InstanceTemplate {
  private final Branch template;

  InstanceTemplate(Branch template) {
    this.template = template;
  }

  public Map<String, String> labels() {
    return Fields.stringMap(template.read().path("metadata"), "labels");
  }

  public Map<String, String> annotations() {
    return Fields.stringMap(template.read().path("metadata"), "annotations");
  }

  /** Sets one template label; null removes it. */
  public InstanceTemplate label(String key, String value) {
    Fields.putEntry(template.child("metadata").write(), "labels", key, value);
    return this;
  }

  public InstanceTemplate annotation(String key, String value) {
    Fields.putEntry(template.child("metadata").write(), "annotations", key, value);
    return this;
  }

  /** What each instance runs (a live view). */
  public SandboxSpec spec() {
    return new SandboxSpec(template.child("spec"));
  }
}
