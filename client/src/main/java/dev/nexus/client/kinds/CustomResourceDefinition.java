package dev.nexus.client.kinds;

import dev.nexus.api.crd.CustomResource;
import dev.nexus.api.crd.CustomResourceDefinitions;
import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.api.model.ApiObject;
import dev.nexus.client.TypedKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A CustomResourceDefinition: a new kind served like a built-in one. What it defines is read by
 * {@link CustomResourceDefinitions}, the same code the server uses, so the two never disagree.
 */
public final class CustomResourceDefinition extends KindObject<CustomResourceDefinition> {
  public static final KindInfo KIND = BuiltinKinds.CUSTOM_RESOURCE_DEFINITION;
  public static final TypedKind<CustomResourceDefinition> TYPE =
      new TypedKind<>(KIND, CustomResourceDefinition.class, CustomResourceDefinition::new);

  private CustomResourceDefinition(ApiObject object) {
    super(object);
  }

  public static CustomResourceDefinition of(ApiObject object) {
    return TYPE.of(object);
  }

  @Override
  public CustomResourceDefinition copy() {
    return new CustomResourceDefinition(apiObject().copy());
  }

  public String group() {
    return Fields.text(specAt().read(), "group");
  }

  /** {@code spec.names.kind}: the CamelCase kind it defines. */
  public String definedKind() {
    return Fields.text(specAt().read().path("names"), "kind");
  }

  public String plural() {
    return Fields.text(specAt().read().path("names"), "plural");
  }

  public boolean namespaced() {
    return !"Cluster".equals(Fields.text(specAt().read(), "scope"));
  }

  /** Names of all its versions, served or not, in order. */
  public List<String> versions() {
    List<String> out = new ArrayList<>();
    specAt().read().path("versions").forEach(v -> out.add(v.path("name").asText()));
    return List.copyOf(out);
  }

  /** Each served version as the server serves it (none while the CRD is being deleted). */
  public List<CustomResource> served() {
    return CustomResourceDefinitions.served(apiObject().node());
  }

  /** The served versions' kinds, ready for {@code NexusClient.resource(kind)}. */
  public List<KindInfo> servedKinds() {
    return served().stream().map(CustomResource::kind).toList();
  }
}
