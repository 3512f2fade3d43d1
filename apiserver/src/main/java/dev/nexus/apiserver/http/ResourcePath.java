package dev.nexus.apiserver.http;

import dev.nexus.api.error.ApiException;
import dev.nexus.api.error.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path under {@code /apis}, following Kubernetes' rules:
 *
 * <pre>
 * /apis/{group}/{version}                                    discovery of one group version
 * /apis/{group}/{version}/{plural}[/{name}[/{sub}]]          cluster-scoped, or all namespaces
 * /apis/{group}/{version}/namespaces/{ns}/{plural}[/{name}[/{sub}]]   namespaced
 * /apis/{group}/{version}/namespaces/{name}/{status|finalize}          a Namespace's subresource
 * </pre>
 *
 * @param group the API group
 * @param version the API version
 * @param namespace the namespace segment, or null when the path has none
 * @param plural the resource (plural kind name), or null for the group-version root
 * @param name the object name, or null for a collection
 * @param subresource {@code status}, {@code scale}, ..., or null
 */
public record ResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  public boolean isGroupVersionRoot() {
    return plural == null;
  }

  public boolean isCollection() {
    return plural != null && name == null;
  }

  /** Parses the path after {@code /apis/}; a path of no known shape is a 404. */
  public static ResourcePath parse(String pathAfterApis) {
    List<String> s = segments(pathAfterApis);
    if (s.size() < 2) {
      throw notFound("/apis/" + pathAfterApis);
    }
    String group = s.get(0);
    String version = s.get(1);
    List<String> rest = s.subList(2, s.size());
    if (rest.isEmpty()) {
      return new ResourcePath(group, version, null, null, null, null);
    }
    if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
      String third = rest.get(2);
      if (rest.size() == 3 && (third.equals("status") || third.equals("finalize"))) {
        return new ResourcePath(group, version, null, "namespaces", rest.get(1), third);
      }
      if (rest.size() > 5) {
        throw notFound("/apis/" + pathAfterApis);
      }
      return new ResourcePath(
          group,
          version,
          rest.get(1),
          third,
          rest.size() > 3 ? rest.get(3) : null,
          rest.size() > 4 ? rest.get(4) : null);
    }
    if (rest.size() > 3) {
      throw notFound("/apis/" + pathAfterApis);
    }
    return new ResourcePath(
        group,
        version,
        null,
        rest.get(0),
        rest.size() > 1 ? rest.get(1) : null,
        rest.size() > 2 ? rest.get(2) : null);
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  static ApiException notFound(String path) {
    return new ApiException(
        new Status(
            404,
            "NotFound",
            "the server could not find the requested resource (" + path + ")",
            null));
  }
}
