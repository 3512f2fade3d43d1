package dev.nexus.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.KindInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a (valid) CustomResourceDefinition object defines. A CRD being deleted ({@code
 * metadata.deletionTimestamp} set) defines nothing: its kinds stop being served at once.
 */
public final class CustomResourceDefinitions {
  /** The finalizer the server puts on every CRD so its objects are deleted before it goes. */
  public static final String CLEANUP_FINALIZER = "nexus.dev/customresource-cleanup";

  private CustomResourceDefinitions() {}

  /** Every served version of the CRD, in the order the CRD lists them. */
  public static List<CustomResource> served(JsonNode crd) {
    if (terminating(crd)) {
      return List.of();
    }
    String name = crd.path("metadata").path("name").asText();
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String kind = names.path("kind").asText();
    String plural = names.path("plural").asText();
    String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
    List<String> shortNames = new ArrayList<>();
    names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    List<CustomResource> out = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      if (!v.path("served").asBoolean(false)) {
        continue;
      }
      JsonNode sub = v.path("subresources");
      JsonNode scale = sub.get("scale");
      KindInfo info =
          new KindInfo(
              spec.path("group").asText(),
              v.path("name").asText(),
              kind,
              plural,
              singular,
              shortNames,
              namespaced,
              sub.has("status"),
              scale != null,
              null);
      JsonNode schema = v.path("schema").get("openAPIV3Schema");
      out.add(new CustomResource(name, info, schema, columns(v), scalePaths(scale)));
    }
    return out;
  }

  /** Whether the CRD is being deleted. */
  public static boolean terminating(JsonNode crd) {
    return crd.path("metadata").hasNonNull("deletionTimestamp");
  }

  /**
   * The printer columns of the version {@code version} of the CRD, or of its storage version when
   * that one is not listed; empty when it declares none.
   */
  public static List<PrinterColumn> columns(JsonNode crd, String version) {
    JsonNode storage = null;
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("name").asText().equals(version)) {
        return columns(v);
      }
      if (v.path("storage").asBoolean(false)) {
        storage = v;
      }
    }
    return storage == null ? List.of() : columns(storage);
  }

  private static List<PrinterColumn> columns(JsonNode version) {
    List<PrinterColumn> out = new ArrayList<>();
    for (JsonNode c : version.path("additionalPrinterColumns")) {
      out.add(
          new PrinterColumn(
              c.path("name").asText(),
              c.path("type").asText("string"),
              c.path("jsonPath").asText(),
              c.path("description").asText(c.path("name").asText()),
              c.path("priority").asInt(0)));
    }
    return out;
  }

  private static ScalePaths scalePaths(JsonNode scale) {
    if (scale == null) {
      return null;
    }
    JsonNode selector = scale.get("labelSelectorPath");
    return new ScalePaths(
        scale.path("specReplicasPath").asText(),
        scale.path("statusReplicasPath").asText(),
        selector == null ? null : selector.asText());
  }
}
