package dev.nexus.ctl.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.kinds.BuiltinKinds;
import dev.nexus.api.kinds.KindInfo;
import dev.nexus.ctl.CtlException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindResolverTest {
  private static final KindInfo WIDGET =
      new KindInfo(
          "acme.io", "v1", "Widget", "widgets", "widget", List.of("wl"), true, false, false, null);

  private final KindResolver resolver = new KindResolver(withWidget());

  private static List<KindInfo> withWidget() {
    List<KindInfo> kinds = new ArrayList<>(BuiltinKinds.ALL);
    kinds.add(WIDGET);
    return kinds;
  }

  @Test
  void everySpellingOfAKindResolves() {
    for (String typed :
        List.of("Workload", "workload", "WORKLOADS", "workloads", "workloads.nexus.dev")) {
      assertThat(resolver.resolve(typed)).isEqualTo(BuiltinKinds.WORKLOAD);
    }
    assertThat(resolver.resolve("svc")).isEqualTo(BuiltinKinds.SERVICE);
    assertThat(resolver.resolve("ns")).isEqualTo(BuiltinKinds.NAMESPACE);
    assertThat(resolver.resolve("crd")).isEqualTo(BuiltinKinds.CUSTOM_RESOURCE_DEFINITION);
    assertThat(resolver.resolve("widgets")).isEqualTo(WIDGET);
  }

  @Test
  void builtinShortNameWinsOverACustomKindsClash() {
    assertThat(resolver.resolve("wl")).isEqualTo(BuiltinKinds.WORKLOAD);
  }

  @Test
  void unknownNameIsAClearError() {
    assertThatThrownBy(() -> resolver.resolve("gadgets"))
        .isInstanceOf(CtlException.class)
        .hasMessage(
            "the server doesn't have a resource type \"gadgets\" (see `nexusctl api-resources`)");
  }

  @Test
  void manifestKindsAreMatchedExactly() {
    assertThat(resolver.forManifest("nexus.dev/v1", "Workload")).contains(BuiltinKinds.WORKLOAD);
    assertThat(resolver.forManifest("nexus.dev/v1", "workload")).isEmpty();
    assertThat(resolver.unknownManifestKind("nexus.dev/v1", "Gadget"))
        .isEqualTo("kind: unknown kind \"Gadget\" in nexus.dev/v1 (see `nexusctl api-resources`)");
    assertThat(resolver.unknownManifestKind("nexus.dev/v2", "Workload"))
        .isEqualTo("apiVersion: \"nexus.dev/v2\" does not serve kind Workload (use nexus.dev/v1)");
    assertThat(resolver.unknownManifestKind("apps/v1", "Deployment"))
        .isEqualTo("apiVersion: unknown API version \"apps/v1\" (kind Deployment)");
  }
}
