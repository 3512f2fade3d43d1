package dev.nexus.client;

/**
 * What a watch follows; null fields are not sent.
 *
 * @param resourceVersion deliver every change after this revision (typically a list's revision);
 *     null starts from now
 * @param labelSelector only objects whose labels match
 * @param fieldSelector only objects whose fields match
 * @param name only the object with this name
 */
public record WatchOptions(
    String resourceVersion, String labelSelector, String fieldSelector, String name) {

  public static WatchOptions from(String resourceVersion) {
    return new WatchOptions(resourceVersion, null, null, null);
  }

  public WatchOptions withLabelSelector(String selector) {
    return new WatchOptions(resourceVersion, selector, fieldSelector, name);
  }

  public WatchOptions withFieldSelector(String selector) {
    return new WatchOptions(resourceVersion, labelSelector, selector, name);
  }

  public WatchOptions withName(String objectName) {
    return new WatchOptions(resourceVersion, labelSelector, fieldSelector, objectName);
  }
}
