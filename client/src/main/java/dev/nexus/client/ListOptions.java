package dev.nexus.client;

/**
 * Filters and paging of a list call; null fields are not sent.
 *
 * @param labelSelector e.g. {@code app=web,tier!=db}
 * @param fieldSelector e.g. {@code metadata.name=web} or {@code spec.nodeName=n1}
 * @param limit the page size, or null for everything in one answer
 * @param continueToken the token of the previous page, or null for the first page
 */
public record ListOptions(
    String labelSelector, String fieldSelector, Integer limit, String continueToken) {

  private static final ListOptions NONE = new ListOptions(null, null, null, null);

  /** No filter, no paging. */
  public static ListOptions none() {
    return NONE;
  }

  public static ListOptions labels(String labelSelector) {
    return new ListOptions(labelSelector, null, null, null);
  }

  public static ListOptions fields(String fieldSelector) {
    return new ListOptions(null, fieldSelector, null, null);
  }

  public ListOptions withLimit(Integer limit) {
    return new ListOptions(labelSelector, fieldSelector, limit, continueToken);
  }

  public ListOptions withContinue(String token) {
    return new ListOptions(labelSelector, fieldSelector, limit, token);
  }
}
