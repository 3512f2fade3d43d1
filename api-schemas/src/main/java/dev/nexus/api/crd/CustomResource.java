package dev.nexus.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nexus.api.kinds.KindInfo;
import java.util.List;

/**
 * One served version of a custom kind, as its CustomResourceDefinition defines it.
 *
 * @param crdName the CRD's name, {@code <plural>.<group>}
 * @param kind how the version is served (names, scope, subresources)
 * @param schema the version's {@code openAPIV3Schema}, or null when it has none
 * @param columns its {@code additionalPrinterColumns}, in order
 * @param scale its scale paths, or null without a scale subresource
 */
public record CustomResource(
    String crdName, KindInfo kind, JsonNode schema, List<PrinterColumn> columns, ScalePaths scale) {
  public CustomResource {
    columns = List.copyOf(columns);
  }
}
