package dev.nexus.ctl.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Document;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.ctl.output.ObjectTable;

/**
 * One manifest document resolved against the server: its kind, where it goes, and the object to
 * send (the manifest with its namespace filled in).
 *
 * @param document where it came from, for messages
 * @param kind the served kind
 * @param namespace its namespace, null for cluster-scoped kinds
 * @param name its name
 * @param manifest the manifest as it should be stored (no last-applied annotation)
 */
public record Target(
    Document document, KindInfo kind, String namespace, String name, ObjectNode manifest) {

  /** {@code workload.nexus.dev/web}. */
  public String qualifiedName() {
    return ObjectTable.qualifiedName(kind, name);
  }

  /** {@code workload.nexus.dev "web"}, as delete prints it. */
  public String quotedName() {
    return ObjectTable.qualifiedKind(kind) + " \"" + name + "\"";
  }

  public ApiObject object() {
    return new ApiObject(manifest.deepCopy());
  }
}
