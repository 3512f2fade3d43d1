package dev.nexus.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.model.ApiObject;
import org.junit.jupiter.api.Test;

class OwnerReferencesTest {
  private static ApiObject object(String kind, String ns, String name, String uid) {
    ApiObject o = ApiObject.of("nexus.dev/v1", kind, ns, name);
    if (uid != null) {
      o.metadata().put("uid", uid);
    }
    return o;
  }

  @Test
  void setControllerMakesTheOwnerTheControllingOwner() {
    ApiObject workload = object("Workload", "demo", "web", "u-1");
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    OwnerReferences.setController(instance, workload);
    OwnerRef ref = OwnerReferences.controllerOf(instance).orElseThrow();
    assertThat(ref).isEqualTo(new OwnerRef("nexus.dev/v1", "Workload", "web", "u-1", true, true));
    assertThat(OwnerReferences.isOwnedBy(instance, workload)).isTrue();
    assertThat(OwnerReferences.isControlledBy(instance, workload)).isTrue();
    assertThat(OwnerReferences.isOwnedBy(instance, object("Workload", "demo", "web", "u-2")))
        .as("same name, another incarnation")
        .isFalse();
  }

  @Test
  void settingTheSameOwnerTwiceKeepsOneReference() {
    ApiObject workload = object("Workload", "demo", "web", "u-1");
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    OwnerReferences.setController(instance, workload);
    OwnerReferences.setController(instance, workload);
    assertThat(OwnerReferences.of(instance)).hasSize(1);
  }

  @Test
  void aSecondControllerIsRefused() {
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    OwnerReferences.setController(instance, object("Workload", "demo", "web", "u-1"));
    assertThatThrownBy(
            () -> OwnerReferences.setController(instance, object("Workload", "demo", "api", "u-2")))
        .hasMessageContaining("already controlled by Workload \"web\"");
  }

  @Test
  void anOwnerMustHaveAUidAndShareTheNamespace() {
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    assertThatThrownBy(
            () -> OwnerReferences.setController(instance, object("Workload", "demo", "web", null)))
        .hasMessageContaining("has no metadata.uid");
    assertThatThrownBy(
            () -> OwnerReferences.setController(instance, object("Workload", "prod", "web", "u")))
        .hasMessageContaining("must be in the owned object's namespace");
    ApiObject node = object("Node", null, "n1", "u-n");
    OwnerReferences.setController(instance, node);
    assertThat(OwnerReferences.controllerOf(instance).orElseThrow().kind()).isEqualTo("Node");
  }

  @Test
  void anObjectWithoutOwnersHasNoController() {
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    assertThat(OwnerReferences.of(instance)).isEmpty();
    assertThat(OwnerReferences.controllerOf(instance)).isEmpty();
  }

  @Test
  void ownedEventsMapToTheControllingOwnersKeyOnlyForTheOwnerKind() {
    ApiObject instance = object("Instance", "demo", "web-abc", null);
    OwnerReferences.setController(instance, object("Workload", "demo", "web", "u-1"));
    assertThat(EnqueueHandlers.ownerRequest(instance, dev.nexus.api.kinds.BuiltinKinds.WORKLOAD))
        .contains(new Request("demo", "web"));
    assertThat(EnqueueHandlers.ownerRequest(instance, dev.nexus.api.kinds.BuiltinKinds.SERVICE))
        .isEmpty();
  }
}
