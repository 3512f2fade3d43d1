package dev.nexus.testing.sdk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.NexusClient;

/** Leases are the simplest namespaced kind: the SDK tests watch and change them. */
final class Leases {
  private Leases() {}

  static ApiObject create(NexusClient client, String ns, String name) {
    return client.create(
        BuiltinKinds.LEASE, ApiObject.of(BuiltinKinds.API_VERSION, "Lease", ns, name));
  }

  static ApiObject holder(NexusClient client, String ns, String name, String holder) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("spec").put("holderIdentity", holder);
    return client.patch(BuiltinKinds.LEASE, ns, name, patch);
  }

  static void delete(NexusClient client, String ns, String name) {
    client.delete(BuiltinKinds.LEASE, ns, name, null);
  }
}
