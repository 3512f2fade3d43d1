package dev.nexus.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexus.api.error.ApiException;
import org.junit.jupiter.api.Test;

class ResourcePathTest {
  @Test
  void namespacedPaths() {
    assertThat(ResourcePath.parse("nexus.dev/v1/namespaces/default/workloads"))
        .isEqualTo(new ResourcePath("nexus.dev", "v1", "default", "workloads", null, null));
    assertThat(ResourcePath.parse("nexus.dev/v1/namespaces/default/workloads/web/scale"))
        .isEqualTo(new ResourcePath("nexus.dev", "v1", "default", "workloads", "web", "scale"));
  }

  @Test
  void clusterScopedAndAllNamespacesPaths() {
    assertThat(ResourcePath.parse("nexus.dev/v1/nodes/n1"))
        .isEqualTo(new ResourcePath("nexus.dev", "v1", null, "nodes", "n1", null));
    assertThat(ResourcePath.parse("nexus.dev/v1/workloads").isCollection()).isTrue();
    assertThat(ResourcePath.parse("nexus.dev/v1/namespaces/default"))
        .isEqualTo(new ResourcePath("nexus.dev", "v1", null, "namespaces", "default", null));
    assertThat(ResourcePath.parse("nexus.dev/v1").isGroupVersionRoot()).isTrue();
  }

  @Test
  void aNamespacesOwnStatusIsASubresourceNotAKind() {
    assertThat(ResourcePath.parse("nexus.dev/v1/namespaces/prod/status"))
        .isEqualTo(new ResourcePath("nexus.dev", "v1", null, "namespaces", "prod", "status"));
  }

  @Test
  void pathsOfNoKnownShapeAre404() {
    assertThatThrownBy(() -> ResourcePath.parse("nexus.dev"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThatThrownBy(() -> ResourcePath.parse("nexus.dev/v1/namespaces/a/w/x/y/z"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("/apis/nexus.dev/v1/namespaces/a/w/x/y/z");
  }
}
