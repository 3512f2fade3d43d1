package dev.nexus.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.kinds.BuiltinKinds;
import org.junit.jupiter.api.Test;

class ResourcePathsTest {
  @Test
  void namespacedClusterScopedAndCrossNamespacePaths() {
    assertThat(ResourcePaths.object(BuiltinKinds.WORKLOAD, "demo", "web"))
        .isEqualTo("/apis/nexus.dev/v1/namespaces/demo/workloads/web");
    assertThat(ResourcePaths.collection(BuiltinKinds.WORKLOAD, null))
        .isEqualTo("/apis/nexus.dev/v1/workloads");
    assertThat(ResourcePaths.object(BuiltinKinds.NODE, "ignored", "n1"))
        .isEqualTo("/apis/nexus.dev/v1/nodes/n1");
  }

  @Test
  void namespacedObjectNeedsANamespace() {
    assertThatThrownBy(() -> ResourcePaths.object(BuiltinKinds.SERVICE, null, "web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Service \"web\" is namespaced: a namespace is required");
  }

  @Test
  void queryEncodesSelectorsAndSkipsNulls() {
    assertThat(
            ResourcePaths.query(
                ResourcePaths.params(
                    "labelSelector", "app in (web,db),tier!=x", "limit", null, "continue", "a+b")))
        .isEqualTo("?labelSelector=app+in+%28web%2Cdb%29%2Ctier%21%3Dx&continue=a%2Bb");
    assertThat(ResourcePaths.query(ResourcePaths.params("limit", null))).isEmpty();
  }
}
