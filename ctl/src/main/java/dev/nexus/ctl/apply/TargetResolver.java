package dev.nexus.ctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.codec.Document;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.ctl.CtlException;
import dev.nexus.ctl.Session;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks what must hold before a document can be sent anywhere (apiVersion, kind, name, a kind the
 * server serves, a consistent namespace) and resolves it to a {@link Target}. Everything else — the
 * schema, names, types — is the server's to judge.
 */
public final class TargetResolver {
  private final Session session;
  private boolean rediscovered;

  public TargetResolver(Session session) {
    this.session = session;
  }

  /**
   * Namespaces first, then custom resource definitions, then everything else in file order: what a
   * namespaced object or a custom kind needs exists before it is applied.
   */
  public static List<Document> applyOrder(List<Document> docs) {
    return docs.stream().sorted(Comparator.comparingInt(TargetResolver::rank)).toList();
  }

  private static int rank(Document d) {
    return switch (d.object().path("kind").asText()) {
      case "Namespace" -> 0;
      case "CustomResourceDefinition" -> 1;
      default -> 2;
    };
  }

  /** Resolves one document; a {@link CtlException} names the field and the rule otherwise. */
  public Target resolve(Document doc) {
    ObjectNode obj = doc.object().deepCopy();
    String apiVersion = required(obj, "apiVersion");
    String kindName = required(obj, "kind");
    JsonNode meta = obj.get("metadata");
    if (meta != null && !meta.isObject()) {
      throw new CtlException(kindName + ": metadata: must be an object");
    }
    String name = meta == null ? null : textOrNull(meta.get("name"));
    if (name == null || name.isEmpty()) {
      throw new CtlException(kindName + ": metadata.name: required");
    }
    KindInfo kind = kind(apiVersion, kindName);
    ObjectNode metadata = (ObjectNode) obj.get("metadata");
    String namespace = null;
    if (kind.namespaced()) {
      String declared = textOrNull(metadata.get("namespace"));
      if (declared != null
          && session.namespaceExplicit()
          && !declared.equals(session.namespace())) {
        throw new CtlException(
            kindName
                + " \""
                + name
                + "\": metadata.namespace: the manifest says \""
                + declared
                + "\" but -n says \""
                + session.namespace()
                + "\"");
      }
      namespace = declared != null && !declared.isEmpty() ? declared : session.namespace();
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    return new Target(doc, kind, namespace, name, obj);
  }

  private KindInfo kind(String apiVersion, String kindName) {
    Optional<KindInfo> kind = session.kinds().forManifest(apiVersion, kindName);
    if (kind.isEmpty() && !rediscovered) {
      // A CustomResourceDefinition applied earlier in this run may have added the kind.
      rediscovered = true;
      kind = session.rediscover().forManifest(apiVersion, kindName);
    }
    return kind.orElseThrow(
        () -> new CtlException(session.kinds().unknownManifestKind(apiVersion, kindName)));
  }

  /** Lets the next unknown kind trigger a fresh discovery (after a CRD was applied). */
  public void kindsMayHaveChanged() {
    rediscovered = false;
  }

  private static String required(ObjectNode obj, String field) {
    String v = textOrNull(obj.get(field));
    if (v == null || v.isEmpty()) {
      throw new CtlException(field + ": required");
    }
    return v;
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
  }
}
