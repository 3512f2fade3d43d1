package dev.nexus.controllers.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.controller.OwnerReferences;
import java.util.random.RandomGenerator;

/**
 * Makes the Instance a Workload's template describes: named {@code <workload>-<hash>-<random5>},
 * labelled with the template's labels and {@link InstanceView#HASH_LABEL}, annotated with the
 * template's annotations, controlled by the Workload, with the template's spec plus the Workload's
 * placement (so the scheduler needs only the Instance).
 */
final class InstanceFactory {
  /** Longest name an Instance may have (a DNS-1123 subdomain). */
  static final int MAX_NAME = 253;

  static final int SUFFIX = 5;

  private final RandomGenerator random;

  InstanceFactory(RandomGenerator random) {
    this.random = random;
  }

  /** The name of a new Instance of {@code workload} with template {@code hash}. */
  String name(String workload, String hash) {
    StringBuilder suffix = new StringBuilder(SUFFIX);
    for (int i = 0; i < SUFFIX; i++) {
      suffix.append(TemplateHash.ALPHABET.charAt(random.nextInt(TemplateHash.ALPHABET.length())));
    }
    String prefix = workload;
    int room = MAX_NAME - hash.length() - SUFFIX - 2;
    if (prefix.length() > room) {
      prefix = prefix.substring(0, room);
      while (prefix.endsWith("-") || prefix.endsWith(".")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
    }
    return prefix + "-" + hash + "-" + suffix;
  }

  /** The Instance {@code name} of {@code workload} at template {@code hash}. */
  ApiObject instance(ApiObject workload, String hash, String name) {
    JsonNode spec = workload.spec();
    JsonNode template = spec.path("template");
    ApiObject instance =
        ApiObject.of(
            BuiltinKinds.INSTANCE.apiVersion(),
            BuiltinKinds.INSTANCE.kind(),
            workload.namespace(),
            name);
    ObjectNode meta = instance.metadata();
    ObjectNode labels = meta.putObject("labels");
    if (template.path("metadata").path("labels") instanceof ObjectNode l) {
      labels.setAll(l.deepCopy());
    }
    labels.put(InstanceView.HASH_LABEL, hash);
    if (template.path("metadata").path("annotations") instanceof ObjectNode a && !a.isEmpty()) {
      meta.set("annotations", a.deepCopy());
    }
    OwnerReferences.setController(instance, workload);
    ObjectNode instanceSpec =
        template.path("spec") instanceof ObjectNode s ? s.deepCopy() : instance.node().objectNode();
    if (spec.get("placement") instanceof ObjectNode placement) {
      instanceSpec.set("placement", placement.deepCopy());
    }
    instance.node().set("spec", instanceSpec);
    return instance;
  }
}
